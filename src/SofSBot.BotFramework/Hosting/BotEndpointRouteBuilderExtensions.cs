using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SofSBot.BotFramework.Hosting;

public static class BotEndpointRouteBuilderExtensions
{
    /// <summary>Maps the Bot Framework messaging endpoint.</summary>
    public static RouteHandlerBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, (Delegate)HandleAsync).DisableAntiforgery();

    private static Task<IResult> HandleAsync(HttpContext http) =>
        http.RequestServices.GetRequiredService<BotMessageEndpoint>().HandleAsync(http);
}
