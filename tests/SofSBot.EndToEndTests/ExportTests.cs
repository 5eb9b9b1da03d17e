using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using SofSBot.EndToEndTests.Infrastructure;
using SofSBot.Export;
using SofSBot.Localization;
using SofSBot.Ratings;
using SofSBot.TestSupport;

namespace SofSBot.EndToEndTests;

/// <summary>
/// Karin, a coordinator, exports the ratings in her personal chat through the real bot behind the
/// Agents Playground: <c>export</c>, the card's "Export", the FileConsentCard on the chat, and her
/// acceptance. The Playground has no file consent of its own and its invoke API takes only card
/// actions, so the <c>fileConsent/invoke</c> Teams would send goes through its custom-activity
/// endpoint, with an upload URL on a local listener that plays the OneDrive upload session. The
/// invoke is answered at once; the file info card comes afterwards as a message of its own.
/// </summary>
public sealed class ExportTests(TeamLeaderInPlaygroundFixture leaderFixture) : IClassFixture<TeamLeaderInPlaygroundFixture>, IDisposable
{
    private const string FileConsentType = "application/vnd.microsoft.teams.card.file.consent";
    private const string FileInfoType = "application/vnd.microsoft.teams.card.file.info";
    private static readonly TimeSpan BotTimeout = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(120));

    private BotInPlaygroundFixture Fixture => leaderFixture.Inner;

    private CancellationToken Token => _timeout.Token;

    private PlaygroundConfig Config => Fixture.Config;

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public async Task Coordinator_exports_the_workbook_accepts_the_file_and_it_reaches_the_upload_session_whole()
    {
        await SeedAnswersAsync();
        var chat = Config.PersonalChat.Id;
        var karin = Config.CurrentUser;
        var playground = Fixture.Playground;

        await playground.SendMessageAsync(chat, karin.Id, "export", cancellationToken: Token);
        var form = await playground.Output.WaitForMessageAsync(
            m => m.IsCreate && m.IsIn(chat) && m.AdaptiveCard is { } card && CardJson.ExecuteActions(card, ExportCards.RunVerb).Any(),
            BotTimeout,
            Token);

        var started = await RoutineInPlayground.InvokeForCardAsync(
            Fixture, chat, karin.Id, form.MessageId, ExportCards.RunVerb, new JsonObject { ["periods"] = "2026-1", ["format"] = "xlsx" }, Token);
        Assert.Contains("2026 vår", CardJson.Text(started), StringComparison.Ordinal);

        var offer = await playground.Output.WaitForMessageAsync(
            m => m.IsCreate && m.IsIn(chat) && m.Attachments.OfType<JsonObject>().Any(a => a["contentType"]?.GetValue<string>() == FileConsentType),
            BotTimeout,
            Token);
        var consentCard = offer.Attachments.OfType<JsonObject>().Single(a => a["contentType"]?.GetValue<string>() == FileConsentType);
        // The Playground passes attachments on with contentType and content only (no "name", which Teams shows).
        Assert.Equal("Ratings 2026 vår", consentCard["content"]!["description"]!.GetValue<string>());
        var size = consentCard["content"]!["sizeInBytes"]!.GetValue<long>();
        var context = consentCard["content"]!["acceptContext"]!;

        await using var session = FakeUploadSession.Start();
        await playground.SendCustomActivityAsync(FileConsentInvoke(chat, karin, context, session.UploadUrl), Token);

        var delivered = await session.Completed.WaitAsync(BotTimeout, Token);
        Assert.Equal(size, delivered.Length);
        Assert.Equal("PK"u8.ToArray(), delivered[..2]);
        using (var zip = new ZipArchive(new MemoryStream(delivered), ZipArchiveMode.Read))
        {
            var workbook = await XDocument.LoadAsync(zip.GetEntry("xl/workbook.xml")!.Open(), LoadOptions.None, Token);
            var sheets = workbook.Descendants().Where(element => element.Name.LocalName == "sheet").Select(sheet => (string?)sheet.Attribute("name"));
            // The Playground's locale is en-US, so the workbook is English ("Svar" in Swedish).
            Assert.Equal("Answers", sheets.First());
            var answers = await XDocument.LoadAsync(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open(), LoadOptions.None, Token);
            Assert.Equal(1 + 3, answers.Descendants().Count(element => element.Name.LocalName == "row"));
        }

        var shown = await playground.Output.WaitForMessageAsync(
            m => m.IsCreate && m.IsIn(chat) && m.Attachments.OfType<JsonObject>().Any(a => a["contentType"]?.GetValue<string>() == FileInfoType),
            BotTimeout,
            Token);
        var fileInfo = shown.Attachments.OfType<JsonObject>().Single(a => a["contentType"]?.GetValue<string>() == FileInfoType);
        // The Playground keeps only contentType and content; name and contentUrl are checked in SofSBot.Tests.
        Assert.Equal("1150D938-8870-4044-9F2C-5BBDEBA70C9D", fileInfo["content"]!["uniqueId"]!.GetValue<string>());
        Assert.Equal("xlsx", fileInfo["content"]!["fileType"]!.GetValue<string>());
        await playground.Output.WaitForMessageAsync(
            m => m.IsCreate && m.IsIn(chat) && m.Text == "The file sofs-skattningar-2026-1.xlsx is now in your OneDrive.",
            BotTimeout,
            Token);
        var blob = Fixture.Blobs.GetBlobContainerClient((Fixture.TablePrefix + BlobExportFileStore.ContainerName).ToLowerInvariant())
            .GetBlobClient(context["exportId"]!.GetValue<string>());
        Assert.False((await blob.ExistsAsync(Token)).Value, "The file stayed in Blob Storage after the upload.");
    }

    /// <summary>The invoke Teams sends when the user presses "Allow" on a FileConsentCard.</summary>
    private JsonObject FileConsentInvoke(string chat, PlaygroundUser user, JsonNode context, Uri uploadUrl) => new()
    {
        ["type"] = "invoke",
        ["name"] = "fileConsent/invoke",
        ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = leaderFixture.LeaderObjectId },
        ["recipient"] = new JsonObject { ["id"] = Config.Bot.Id, ["name"] = Config.Bot.Name },
        ["conversation"] = new JsonObject { ["id"] = chat, ["conversationType"] = "personal", ["tenantId"] = Config.TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Config.TenantId } },
        ["locale"] = "en-US",
        ["value"] = new JsonObject
        {
            ["type"] = "fileUpload",
            ["action"] = "accept",
            ["context"] = context.DeepClone(),
            ["uploadInfo"] = new JsonObject
            {
                ["contentUrl"] = FakeUploadSession.ContentUrl,
                ["name"] = "sofs-skattningar-2026-1.xlsx",
                ["uploadUrl"] = uploadUrl.AbsoluteUri,
                ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
                ["fileType"] = "xlsx",
            },
        },
    };

    /// <summary>A period and a round of the demo team with three answers, stored as a round would leave them.</summary>
    private async Task SeedAnswersAsync()
    {
        var services = Fixture.BotServices;
        var period = new RatingPeriod("2026-1", "2026 vår", new(2026, 1, 1), new(2026, 6, 30));
        await services.GetRequiredService<IRatingPeriodStore>().UpsertAsync(period, Token);
        var opened = new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
        var teamId = Config.Team.Id;
        var round = await services.GetRequiredService<IRatingRoundStore>().CreateAsync(
            new RatingRound(
                teamId, "r-2026-1-e2e", period.PeriodId, period.Name, opened.AddDays(14), IsClosed: false, Language.Swedish, teamId, Config.CurrentUser.Id,
                opened, null, GoalCatalogue.Seed, RosterCount: 6, [], null, null, RemindersSent: false),
            Token);
        var answers = services.GetRequiredService<IRatingAnswerStore>();
        foreach (var (user, value) in new[] { ("Sara Nilsson", 7), ("Ahmed Hassan", 8), ("Johan Berg", 6) })
        {
            await answers.SaveAsync(round, Config.User(user).Id, new Dictionary<string, int> { ["forhallningssatt"] = value }, opened.AddDays(1), Token);
        }
    }

    /// <summary>
    /// OneDrive's upload session on a loopback port: keeps the bytes by Content-Range, answers 202 to
    /// a partial range and 201 with the new drive item after the last byte.
    /// </summary>
    private sealed class FakeUploadSession : IAsyncDisposable
    {
        public const string ContentUrl = "https://contoso-my.sharepoint.com/personal/karin/Documents/sofs-skattningar-2026-1.xlsx";

        private readonly HttpListener _listener;
        private readonly Task _serving;
        private readonly TaskCompletionSource<byte[]> _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private FakeUploadSession(HttpListener listener, Uri uploadUrl)
        {
            _listener = listener;
            UploadUrl = uploadUrl;
            _serving = Task.Run(ServeAsync);
        }

        public Uri UploadUrl { get; }

        /// <summary>The file, once its last byte arrived.</summary>
        public Task<byte[]> Completed => _completed.Task;

        public static FakeUploadSession Start()
        {
            var port = FreePort.Next();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            return new FakeUploadSession(listener, new Uri($"http://127.0.0.1:{port}/upload/session-1"));
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            try
            {
                await _serving;
            }
            catch (HttpListenerException)
            {
                // Stopped while waiting for a request.
            }
            catch (ObjectDisposedException)
            {
                // Same.
            }
        }

        private async Task ServeAsync()
        {
            byte[]? file = null;
            while (_listener.IsListening)
            {
                var context = await _listener.GetContextAsync();
                using var response = context.Response;
                var range = System.Net.Http.Headers.ContentRangeHeaderValue.Parse(context.Request.Headers["Content-Range"] ?? "bytes */0");
                if (context.Request.HttpMethod != "PUT" || range.From is not { } from || range.To is not { } to || range.Length is not { } length)
                {
                    response.StatusCode = 400;
                    continue;
                }

                file ??= new byte[length];
                using (var body = new MemoryStream())
                {
                    await context.Request.InputStream.CopyToAsync(body);
                    body.ToArray().CopyTo(file, from);
                }

                if (to + 1 < length)
                {
                    response.StatusCode = 202;
                    continue;
                }

                response.StatusCode = 201;
                response.ContentType = "application/json";
                await response.OutputStream.WriteAsync("{\"id\":\"01ABC\",\"name\":\"sofs-skattningar-2026-1.xlsx\"}"u8.ToArray());
                _completed.TrySetResult(file);
            }
        }
    }
}
