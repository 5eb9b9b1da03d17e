namespace SofSBot.Telemetry;

internal static class TelemetryExtensions
{
    /// <summary>The setting that switches on the export to Application Insights (App Service sets it from the Bicep).</summary>
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
}
