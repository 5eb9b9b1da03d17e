using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SofSBot.Export;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Export;

/// <summary>
/// <c>export</c> in personal chat, at the HTTP boundary: the activities Teams sends (card action,
/// <c>fileConsent/invoke</c>), the connector calls and the PUTs to the OneDrive upload URL.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExportInTeamsTests(AzuriteFixture azurite)
{
    private const string UploadUrl = "https://contoso-my.sharepoint.com/personal/karin/_api/upload/session-1";
    private const string ContentUrl = "https://contoso-my.sharepoint.com/personal/karin/Documents/Program/sofs-skattningar-2025-1_2025-2.xlsx";

    private readonly RecordingUpload _upload = new();

    [Fact]
    public async Task Member_is_refused_and_coordinator_gets_the_card_with_the_periods()
    {
        await using var app = await SeededAppAsync();

        await app.SendActivityAsync(PersonalMessage("export", from: Sara));
        await app.SendActivityAsync(PersonalMessage("export"));

        var posts = app.Connector.Posts.ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal("Det kan bara samordnare göra.", posts[0].Text);
        var card = posts[1].Card!;
        Assert.Equal("Exportera skattningar", card["body"]![0]!["text"]!.GetValue<string>());
        var periods = card["body"]!.AsArray().Single(element => element!["id"]?.GetValue<string>() == "periods")!;
        Assert.Equal(["2025 höst", "2025 vår", "2024 vår"], periods["choices"]!.AsArray().Select(choice => choice!["title"]!.GetValue<string>()));
        Assert.Equal("export.run", card["actions"]![0]!["verb"]!.GetValue<string>());
    }

    [Fact]
    public async Task Export_in_a_channel_points_to_the_personal_chat()
    {
        await using var app = await SeededAppAsync();

        await app.SendActivityAsync(ChannelMention("export"));

        Assert.StartsWith("Exporten finns bara i den personliga chatten", Assert.Single(app.Connector.Posts).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_cannot_run_the_export_action_either()
    {
        await using var app = await SeededAppAsync();

        var response = await app.SendActivityAsync(PersonalInvoke("adaptiveCard/action", RunValue("2025-1", "xlsx"), Sara));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("forbidden", body["value"]!["code"]!.GetValue<string>());
        await app.GetService<ExportJobs>().WhenIdleAsync();
        Assert.Empty(app.Connector.Posts);
    }

    [Fact]
    public async Task Without_the_pseudonym_secret_the_bot_runs_and_the_coordinator_is_told_what_is_missing()
    {
        await using var app = await SeededAppAsync(pseudonymSecret: string.Empty);

        var response = await app.SendActivityAsync(PersonalInvoke("adaptiveCard/action", RunValue("2025-1", "xlsx"), Karin));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("failed", body["value"]!["code"]!.GetValue<string>());
        Assert.Contains("Export:PseudonymSecret", body["value"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await app.GetService<ExportJobs>().WhenIdleAsync();
        Assert.Empty(app.Connector.Posts);
    }

    [Fact]
    public async Task Accepted_file_is_uploaded_to_OneDrive_and_shown_with_a_file_card()
    {
        await using var app = await SeededAppAsync();

        var started = await app.SendActivityAsync(PersonalInvoke("adaptiveCard/action", RunValue("2025-1,2025-2", "xlsx")));
        Assert.Contains("Exporten av 2025 vår, 2025 höst har startat.", await started.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.GetService<ExportJobs>().WhenIdleAsync();

        // A progress message, updated to "ready", then the consent card.
        var consent = Assert.Single(app.Connector.Posts, post => post.Body?["attachments"]?[0]?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.teams.card.file.consent");
        Assert.Contains(app.Connector.Calls, call => call.Method == HttpMethod.Put && call.Text == "Exporten är klar: 10 svar.");
        var attachment = consent.Body!["attachments"]![0]!;
        Assert.Equal("sofs-skattningar-2025-1_2025-2.xlsx", attachment["name"]!.GetValue<string>());
        var size = attachment["content"]!["sizeInBytes"]!.GetValue<long>();
        Assert.Equal("Skattningar 2025 vår, 2025 höst", attachment["content"]!["description"]!.GetValue<string>());
        var context = attachment["content"]!["acceptContext"]!;

        var accepted = await app.SendActivityAsync(PersonalInvoke("fileConsent/invoke", ConsentValue("accept", context)));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var put = Assert.Single(_upload.Puts);
        Assert.Equal(UploadUrl, put.Url);
        Assert.Equal($"bytes 0-{size - 1}/{size}", put.ContentRange);
        Assert.Equal(10, Workbook.Read(put.Body)["Svar"].Count - 1);
        var shown = app.Connector.Posts.Last();
        Assert.Equal("Filen sofs-skattningar-2025-1_2025-2.xlsx finns nu i din OneDrive.", shown.Text);
        Assert.Equal("application/vnd.microsoft.teams.card.file.info", shown.Body!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal(ContentUrl, shown.Body!["attachments"]![0]!["contentUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Someone_else_cannot_take_the_file_and_a_declined_file_is_gone()
    {
        await using var app = await SeededAppAsync();
        await app.SendActivityAsync(PersonalInvoke("adaptiveCard/action", RunValue("2025-1", "csv")));
        await app.GetService<ExportJobs>().WhenIdleAsync();
        var context = app.Connector.Posts.Last().Body!["attachments"]![0]!["content"]!["acceptContext"]!;

        await app.SendActivityAsync(PersonalInvoke("fileConsent/invoke", ConsentValue("accept", context), Sara));
        Assert.Equal("Den här filen gjordes åt någon annan.", app.Connector.Posts.Last().Text);

        await app.SendActivityAsync(PersonalInvoke("fileConsent/invoke", ConsentValue("decline", context)));
        Assert.Equal("Filen sparades inte. Skriv export för att göra en ny.", app.Connector.Posts.Last().Text);

        await app.SendActivityAsync(PersonalInvoke("fileConsent/invoke", ConsentValue("accept", context)));
        Assert.StartsWith("Filen finns inte längre", app.Connector.Posts.Last().Text, StringComparison.Ordinal);
        Assert.Empty(_upload.Puts);
    }

    private static JsonObject RunValue(string periods, string format) => new()
    {
        ["action"] = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["verb"] = "export.run",
            ["data"] = new JsonObject { ["periods"] = periods, ["format"] = format },
        },
        ["trigger"] = "manual",
    };

    private static JsonObject ConsentValue(string action, JsonNode context) => new()
    {
        ["type"] = "fileUpload",
        ["action"] = action,
        ["context"] = context.DeepClone(),
        ["uploadInfo"] = action == "accept"
            ? new JsonObject
            {
                ["contentUrl"] = ContentUrl,
                ["name"] = "sofs-skattningar-2025-1_2025-2.xlsx",
                ["uploadUrl"] = UploadUrl,
                ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
                ["fileType"] = "xlsx",
            }
            : null,
    };

    private static JsonObject PersonalInvoke(string name, JsonObject value, JsonObject? from = null)
    {
        var activity = PersonalMessage(string.Empty, from: from);
        activity["type"] = "invoke";
        activity["name"] = name;
        activity.Remove("text");
        activity["value"] = value;
        return activity;
    }

    private async Task<SofSBotApp> SeededAppAsync(string? pseudonymSecret = SofSBotApp.TestPseudonymSecret)
    {
        var app = new SofSBotApp(
            azurite,
            settings: new Dictionary<string, string?>
            {
                ["Roles:Coordinators:0"] = Karin["aadObjectId"]!.GetValue<string>(),
                ["Export:PseudonymSecret"] = pseudonymSecret,
            },
            services: services => services.AddHttpClient(ExportFileConsentHandler.UploadClientName).ConfigurePrimaryHttpMessageHandler(() => _upload));
        await ExportDataset.SeedAsync(app.Services);
        return app;
    }

    /// <summary>OneDrive's upload session: records each PUT and answers 201 after the last byte.</summary>
    private sealed class RecordingUpload : HttpMessageHandler
    {
        public ConcurrentQueue<(string Url, string? ContentRange, byte[] Body)> Puts { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            Puts.Enqueue((request.RequestUri!.ToString(), request.Content.Headers.ContentRange?.ToString(), body));
            return new HttpResponseMessage(HttpStatusCode.Created);
        }
    }
}
