namespace SofSBot.Ratings;

/// <summary>The 0–10 scale of every goal.</summary>
internal static class RatingScale
{
    public const int Min = 0;
    public const int Max = 10;

    public static bool IsValid(int value) => value is >= Min and <= Max;
}
