using Azure;

namespace SofSBot.Scheduling;

/// <summary>The right, held by one instance, to post one occurrence of one schedule.</summary>
internal sealed record OccurrenceClaim(string ScheduleId, string OccurrenceKey, string Owner, ETag ETag);
