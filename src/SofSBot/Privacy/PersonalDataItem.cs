using SofSBot.Localization;

namespace SofSBot.Privacy;

/// <summary>One thing stored about a user, as they read it in "mina data": the feature and what is kept.</summary>
internal sealed record PersonalDataItem(LocalizedText Feature, LocalizedText Description, DateTimeOffset? StoredAt);
