namespace SofSBot.Bench;

/// <summary>At most <paramref name="Requests"/> accepted requests in any window of length <paramref name="Per"/>.</summary>
internal sealed record RateLimit(int Requests, TimeSpan Per);
