using Microsoft.Extensions.Http;

namespace SofSBot.Telemetry;

/// <summary>
/// Puts <see cref="ThrottleCountingHandler"/> innermost in every HttpClient the factory builds (the
/// Bot Connector, Microsoft Graph, the OneDrive upload), below any retry handler, so that each 429
/// received is counted, also those a retry then gets past.
/// </summary>
internal sealed class ThrottleCountingFilter(BotTelemetry telemetry) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        builder.AdditionalHandlers.Add(new ThrottleCountingHandler(telemetry, string.IsNullOrEmpty(builder.Name) ? "default" : builder.Name));
    };
}
