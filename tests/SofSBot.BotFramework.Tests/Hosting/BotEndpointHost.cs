using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Authentication;
using SofSBot.BotFramework.Connector;
using SofSBot.BotFramework.Hosting;
using SofSBot.BotFramework.Invoke;

namespace SofSBot.BotFramework.Tests.Hosting;

/// <summary>
/// A minimal web app with the real messaging endpoint on a test server. The authenticator and the
/// connector are the seams: the first decides, the second must never be called by these tests.
/// </summary>
internal sealed class BotEndpointHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotEndpointHost(WebApplication app, RecordingHandler handler, Mock<IActivityAuthenticator> authenticator)
    {
        _app = app;
        Handler = handler;
        Authenticator = authenticator;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public RecordingHandler Handler { get; }

    public Mock<IActivityAuthenticator> Authenticator { get; }

    public static async Task<BotEndpointHost> StartAsync(string? appId, Func<TurnContext, InvokeResponse?>? respond = null, int? maxActivityBytes = null)
    {
        // Anonymous mode (no app id) is allowed in Development only.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = appId is null ? "Development" : "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration["Bot:AppId"] = appId ?? string.Empty;
        builder.Configuration["Bot:AllowAnonymous"] = appId is null ? "true" : "false";
        builder.Configuration["Bot:TenantId"] = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
        if (maxActivityBytes is { } max)
        {
            builder.Configuration["Bot:Endpoint:MaxActivityBytes"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        builder.AddBotFramework();
        var authenticator = new Mock<IActivityAuthenticator>(MockBehavior.Strict);
        authenticator
            .Setup(a => a.AuthenticateAsync(It.IsAny<string?>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string? header, Activity _, CancellationToken _) =>
                header == "Bearer valid" || appId is null ? ActivityAuthenticationResult.Anonymous : ActivityAuthenticationResult.Failure("bad token"));
        builder.Services.Replace(ServiceDescriptor.Singleton(authenticator.Object));
        builder.Services.Replace(ServiceDescriptor.Singleton(new Mock<IConnectorClient>(MockBehavior.Strict).Object));
        var handler = new RecordingHandler(respond ?? (_ => null));
        builder.Services.AddSingleton<IActivityHandler>(handler);

        var app = builder.Build();
        app.MapBotMessages();
        await app.StartAsync();
        return new BotEndpointHost(app, handler, authenticator);
    }

    public Task<HttpResponseMessage> PostAsync(string body, string? authorization = "Bearer valid", string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
