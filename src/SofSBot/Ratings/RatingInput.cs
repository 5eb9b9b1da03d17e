using System.Globalization;
using System.Text.Json;

namespace SofSBot.Ratings;

/// <summary>What went wrong with a submitted answer; the card names the goal concerned.</summary>
internal enum RatingInputError
{
    UnknownGoal,
    NotANumber,
    OutOfRange,
}

/// <summary>The answers read from a card's inputs, or the first problem found (then nothing is stored).</summary>
internal sealed record RatingInputResult(IReadOnlyDictionary<string, int> Values, RatingInputError? Error, string? ErrorGoalId)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// Reads the card's 0–10 choices. Each goal's input is named <c>goal.{goalId}</c>; an empty value
/// means "not answered yet". Anything else — an unknown goal, a value that is not a whole number
/// 0–10 — refuses the whole submission: a forged or broken card stores nothing.
/// </summary>
internal static class RatingInput
{
    public const string InputPrefix = "goal.";

    public static string InputId(string goalId) => InputPrefix + goalId;

    public static RatingInputResult Parse(JsonElement data, IReadOnlyList<RatingGoal> goals)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        if (data.ValueKind != JsonValueKind.Object)
        {
            return new RatingInputResult(values, null, null);
        }

        var known = goals.Select(goal => goal.GoalId).ToHashSet(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            if (!property.Name.StartsWith(InputPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var goalId = property.Name[InputPrefix.Length..];
            if (!known.Contains(goalId))
            {
                return Refused(RatingInputError.UnknownGoal, goalId);
            }

            string? text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.Null => null,
                _ => "?",
            };
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return Refused(RatingInputError.NotANumber, goalId);
            }

            if (!RatingScale.IsValid(value))
            {
                return Refused(RatingInputError.OutOfRange, goalId);
            }

            values[goalId] = value;
        }

        return new RatingInputResult(values, null, null);
    }

    private static RatingInputResult Refused(RatingInputError error, string goalId) =>
        new(new Dictionary<string, int>(), error, goalId);
}
