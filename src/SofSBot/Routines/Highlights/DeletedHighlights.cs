using SofSBot.Scheduling;

namespace SofSBot.Routines.Highlights;

/// <summary>How many highlights a retention pass deleted from one team's week.</summary>
internal sealed record DeletedHighlights(string TeamId, IsoWeek Week, int Count);
