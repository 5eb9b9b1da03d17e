namespace SofSBot.Telemetry;

/// <summary>The outcomes the telemetry reports: a fixed, small vocabulary.</summary>
internal static class TelemetryOutcomes
{
    public const string Ok = "ok";
    public const string Refused = "refused";
    public const string Invalid = "invalid";
    public const string Failed = "failed";
    public const string Unknown = "unknown";
    public const string NotUnderstood = "not_understood";
    public const string NotImplemented = "not_implemented";
    public const string Throttled = "throttled";
    public const string Abandoned = "abandoned";
    public const string Skipped = "skipped";
}
