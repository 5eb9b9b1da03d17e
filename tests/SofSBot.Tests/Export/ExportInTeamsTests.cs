using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
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

    private readonly FakeUploadSession _upload = new();

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
        Assert.Contains(app.Connector.Calls, call => call.Method == HttpMethod.Put && call.Text == "Exporten är klar: 7 svar.");
        var attachment = consent.Body!["attachments"]![0]!;
        Assert.Equal("sofs-skattningar-2025-1_2025-2.xlsx", attachment["name"]!.GetValue<string>());
        var size = attachment["content"]!["sizeInBytes"]!.GetValue<long>();
        Assert.Equal("Skattningar 2025 vår, 2025 höst", attachment["content"]!["description"]!.GetValue<string>());
        var context = attachment["content"]!["acceptContext"]!;

        var accepted = await ConsentAsync(app, ConsentValue("accept", context));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var put = Assert.Single(_upload.Puts);
        Assert.Equal(UploadUrl, put.Url);
        Assert.Equal($"bytes 0-{size - 1}/{size}", put.ContentRange);
        Assert.Equal(7, Workbook.Read(put.Body)["Svar"].Count - 1); // team 2 (2 answers) and 2025 höst (1) are below the threshold: no rows
        var shown = app.Connector.Posts.Last();
        Assert.Equal("Filen sofs-skattningar-2025-1_2025-2.xlsx finns nu i din OneDrive.", shown.Text);
        Assert.Equal("application/vnd.microsoft.teams.card.file.info", shown.Body!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal(ContentUrl, shown.Body!["attachments"]![0]!["contentUrl"]!.GetValue<string>());
        Assert.False(await ExportBlobExistsAsync(app, context), "The file stayed in Blob Storage after the upload.");
    }

    [Fact]
    public async Task Consent_card_carries_only_a_random_id_and_the_file_waits_in_blob_storage()
    {
        await using var app = await SeededAppAsync();

        var (context, size) = await ExportAndOfferAsync(app, "2025-1", "xlsx");

        var exportId = Assert.Single(context.AsObject()).Value!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", exportId);
        var blob = azurite.BlobServiceClient.GetBlobContainerClient(ContainerName(app)).GetBlobClient(exportId);
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(size, properties.ContentLength);
        Assert.Equal("29%3A1karin", properties.Metadata["userid"]);
        Assert.Equal("sofs-skattningar-2025-1.xlsx", properties.Metadata["filename"]);
        Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse(properties.Metadata["createdat"], System.Globalization.CultureInfo.InvariantCulture) < TimeSpan.FromMinutes(5));
        Assert.Equal(PublicAccessType.None, (await azurite.BlobServiceClient.GetBlobContainerClient(ContainerName(app)).GetAccessPolicyAsync()).Value.BlobPublicAccess);
    }

    [Fact]
    public async Task Chunk_answered_503_is_sent_again_and_the_file_arrives_once_and_complete()
    {
        _upload.AnswerFirst(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.Zero);
        await using var app = await SeededAppAsync();
        var (context, size) = await ExportAndOfferAsync(app, "2025-1,2025-2", "xlsx");

        await ConsentAsync(app, ConsentValue("accept", context));

        Assert.Equal(2, _upload.Puts.Count);
        Assert.All(_upload.Puts, put => Assert.Equal($"bytes 0-{size - 1}/{size}", put.ContentRange));
        Assert.Equal(1, _upload.Completed);
        Assert.Equal(7, Workbook.Read(_upload.Received)["Svar"].Count - 1); // team 2 (2 answers) and 2025 höst (1) are below the threshold: no rows
        Assert.Equal("Filen sofs-skattningar-2025-1_2025-2.xlsx finns nu i din OneDrive.", app.Connector.Posts.Last().Text);
        Assert.False(await ExportBlobExistsAsync(app, context));
    }

    [Fact]
    public async Task Invoke_is_answered_before_the_upload_ends_and_the_file_card_follows_in_the_chat()
    {
        var (arrived, release) = _upload.HoldNextPut();
        await using var app = await SeededAppAsync();
        var (context, _) = await ExportAndOfferAsync(app, "2025-1", "csv");
        var postsBefore = app.Connector.Posts.Count();

        // Were the invoke to wait for the upload, this would time out: the PUT is held until released.
        var accepted = await app.SendActivityAsync(PersonalInvoke("fileConsent/invoke", ConsentValue("accept", context))).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(string.Empty, await accepted.Content.ReadAsStringAsync());
        await arrived.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(postsBefore, app.Connector.Posts.Count());
        Assert.Equal(0, _upload.Completed);

        release.SetResult();
        await app.GetService<ExportUploads>().WhenIdleAsync();

        var shown = app.Connector.Posts.Last();
        Assert.Equal("Filen sofs-skattningar-2025-1_2025-2.xlsx finns nu i din OneDrive.", shown.Text);
        Assert.Equal("application/vnd.microsoft.teams.card.file.info", shown.Body!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal(1, _upload.Completed);
        Assert.False(await ExportBlobExistsAsync(app, context));
    }

    [Fact]
    public async Task Two_accepts_of_the_same_file_at_once_upload_it_once()
    {
        var (arrived, release) = _upload.HoldNextPut();
        await using var app = await SeededAppAsync();
        var (context, _) = await ExportAndOfferAsync(app, "2025-1", "csv");

        var first = await app.SendActivityAsync(PersonalInvoke("fileConsent/invoke", ConsentValue("accept", context)));
        await arrived.WaitAsync(TimeSpan.FromSeconds(20));
        var second = await app.SendActivityAsync(PersonalInvoke("fileConsent/invoke", ConsentValue("accept", context)));
        release.SetResult();
        await app.GetService<ExportUploads>().WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(_upload.Puts);
        Assert.Equal(1, _upload.Completed);
        Assert.Single(app.Connector.Posts, post => post.Text?.StartsWith("Filen sofs-skattningar-2025-1_2025-2.xlsx finns nu", StringComparison.Ordinal) == true);
        Assert.Single(app.Connector.Posts, post => post.Text == "Filen håller redan på att sparas i din OneDrive. Du får ett meddelande här när den är klar.");
    }

    [Fact]
    public async Task Chunk_the_session_received_but_whose_answer_was_lost_is_not_sent_again()
    {
        await using var app = await SeededAppAsync();
        var (context, bytes) = await StoreLargeFileAsync(app);
        _upload.LoseAnswerOfNextPut();

        await ConsentAsync(app, ConsentValue("accept", context));

        // 3.75 MiB chunks: the session said it expects the second chunk next, so the first went once.
        Assert.Equal(
            [$"bytes 0-3932159/{bytes.Length}", $"bytes 3932160-7864319/{bytes.Length}", $"bytes 7864320-{bytes.Length - 1}/{bytes.Length}"],
            _upload.Puts.Select(put => put.ContentRange));
        Assert.Equal(1, _upload.Gets);
        Assert.Equal(1, _upload.Completed);
        Assert.Equal(bytes, _upload.Received);
        Assert.Equal("application/vnd.microsoft.teams.card.file.info", app.Connector.Posts.Last().Body!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.False(await ExportBlobExistsAsync(app, context));
    }

    [Fact]
    public async Task Last_chunk_whose_answer_was_lost_after_the_session_completed_is_reported_saved_without_a_link()
    {
        await using var app = await SeededAppAsync();
        var (context, size) = await ExportAndOfferAsync(app, "2025-1", "csv");
        _upload.LoseAnswerOfNextPut();

        await ConsentAsync(app, ConsentValue("accept", context));

        Assert.Equal($"bytes 0-{size - 1}/{size}", Assert.Single(_upload.Puts).ContentRange);
        Assert.Equal(1, _upload.Completed);
        var told = app.Connector.Posts.Last();
        Assert.Equal("Filen sofs-skattningar-2025-1_2025-2.xlsx finns nu i din OneDrive.", told.Text);
        Assert.Null(told.Body!["attachments"]);
        Assert.False(await ExportBlobExistsAsync(app, context));
    }

    [Fact]
    public async Task Blob_deleted_during_the_upload_tells_the_coordinator_the_file_is_gone()
    {
        await using var app = await SeededAppAsync();
        var (context, _) = await StoreLargeFileAsync(app);
        var (arrived, release) = _upload.HoldNextPut();

        await app.SendActivityAsync(PersonalInvoke("fileConsent/invoke", ConsentValue("accept", context)));
        await arrived.WaitAsync(TimeSpan.FromSeconds(20));
        await azurite.BlobServiceClient.GetBlobContainerClient(ContainerName(app)).DeleteBlobAsync(context["exportId"]!.GetValue<string>());
        release.SetResult();
        await app.GetService<ExportUploads>().WhenIdleAsync();

        // The first chunk went; reading the second from the deleted blob failed.
        Assert.Single(_upload.Puts);
        Assert.Equal(0, _upload.Completed);
        var told = app.Connector.Posts.Last();
        Assert.Equal("Filen kunde inte sparas i din OneDrive, och den finns inte längre kvar här. Skriv export för att göra en ny.", told.Text);
        Assert.Null(told.Body!["attachments"]);

        // The bot goes on: a new export is offered as usual.
        var (next, _) = await ExportAndOfferAsync(app, "2025-1", "csv");
        Assert.True(await ExportBlobExistsAsync(app, next));
    }

    [Fact]
    public async Task Upload_cut_short_by_the_app_stopping_keeps_the_file_and_offers_it_again()
    {
        var (arrived, _) = _upload.HoldNextPut();
        await using var app = await SeededAppAsync();
        var (context, _) = await ExportAndOfferAsync(app, "2025-1", "csv");

        await app.SendActivityAsync(PersonalInvoke("fileConsent/invoke", ConsentValue("accept", context)));
        await arrived.WaitAsync(TimeSpan.FromSeconds(20));
        var uploads = app.GetService<ExportUploads>();
        var claims = app.GetService<SofSBot.Storage.IClaimStore>();
        app.GetService<IHostApplicationLifetime>().StopApplication();

        // What the host does next (and may already be doing): stop the hosted services, which waits for the upload to tell.
        await uploads.StopAsync(CancellationToken.None);

        Assert.Equal(0, _upload.Completed);
        Assert.Empty(await claims.ListAsync(ExportUploads.ClaimScope, default));
        var told = app.Connector.Posts.Last();
        Assert.StartsWith("Filen kunde inte sparas i din OneDrive.", told.Text, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(context, told.Body!["attachments"]![0]!["content"]!["acceptContext"]));
        Assert.True(await ExportBlobExistsAsync(app, context));
    }

    [Fact]
    public async Task Chunk_answered_429_waits_as_long_as_Retry_After_asks_before_it_is_sent_again()
    {
        _upload.AnswerFirst(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(1));
        await using var app = await SeededAppAsync();
        var (context, _) = await ExportAndOfferAsync(app, "2025-1", "csv");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await ConsentAsync(app, ConsentValue("accept", context));

        // The backoff alone is at most 10 ms here (Export:Upload:BaseDelay).
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"Sent again after {clock.Elapsed}.");
        Assert.Equal(2, _upload.Puts.Count);
        Assert.Equal(1, _upload.Completed);
    }

    [Fact]
    public async Task Retry_After_longer_than_the_longest_wait_ends_the_upload_and_keeps_the_file()
    {
        _upload.AnswerFirst(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromMinutes(10));
        await using var app = await SeededAppAsync();
        var (context, _) = await ExportAndOfferAsync(app, "2025-1", "csv");

        await ConsentAsync(app, ConsentValue("accept", context));

        Assert.Single(_upload.Puts);
        Assert.StartsWith("Filen kunde inte sparas i din OneDrive.", app.Connector.Posts.Last().Text, StringComparison.Ordinal);
        Assert.True(await ExportBlobExistsAsync(app, context));
    }

    [Fact]
    public async Task Chunk_that_never_connects_is_retried_a_bounded_number_of_times_and_the_file_offered_again()
    {
        _upload.FailToConnect(3);
        await using var app = await SeededAppAsync();
        var (context, _) = await ExportAndOfferAsync(app, "2025-1", "csv");

        await ConsentAsync(app, ConsentValue("accept", context));

        Assert.Equal(3, _upload.Puts.Count);
        Assert.Equal(0, _upload.Completed);
        var told = app.Connector.Posts.Last();
        Assert.StartsWith("Filen kunde inte sparas i din OneDrive.", told.Text, StringComparison.Ordinal);
        Assert.True(await ExportBlobExistsAsync(app, context), "A failed upload must leave the file until it expires.");
    }

    [Fact]
    public async Task Upload_refused_with_403_tells_the_coordinator_offers_the_same_file_again_and_the_second_accept_delivers_it()
    {
        _upload.AnswerFirst(HttpStatusCode.Forbidden);
        await using var app = await SeededAppAsync();
        var (context, _) = await ExportAndOfferAsync(app, "2025-1", "xlsx");

        await ConsentAsync(app, ConsentValue("accept", context));

        Assert.Single(_upload.Puts);
        var told = app.Connector.Posts.Last();
        Assert.Equal("Filen kunde inte sparas i din OneDrive. Godkänn den igen här nedanför (den sparas en timme), eller skriv export för att göra en ny.", told.Text);
        var offeredAgain = told.Body!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.teams.card.file.consent", offeredAgain["contentType"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(context, offeredAgain["content"]!["acceptContext"]));
        Assert.True(await ExportBlobExistsAsync(app, context));

        await ConsentAsync(app, ConsentValue("accept", offeredAgain["content"]!["acceptContext"]!));

        Assert.Equal(1, _upload.Completed);
        Assert.StartsWith("Filen sofs-skattningar-2025-1_2025-2.xlsx finns nu", app.Connector.Posts.Last().Text, StringComparison.Ordinal);
        Assert.False(await ExportBlobExistsAsync(app, context));
    }

    [Fact]
    public async Task Upload_url_that_is_not_https_is_not_used_and_the_file_stays()
    {
        await using var app = await SeededAppAsync();
        var (context, _) = await ExportAndOfferAsync(app, "2025-1", "csv");
        var consent = ConsentValue("accept", context);
        consent["uploadInfo"]!["uploadUrl"] = "http://contoso-my.sharepoint.com/personal/karin/_api/upload/session-1";

        using var response = await ConsentAsync(app, consent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_upload.Puts);
        Assert.Equal("Filen sparades inte: Teams angav ingen giltig plats i din OneDrive för den. Skriv export för att göra en ny.", app.Connector.Posts.Last().Text);
        Assert.True(await ExportBlobExistsAsync(app, context));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://contoso-my.sharepoint.com/upload")]
    public async Task Accept_without_a_usable_upload_url_is_answered_with_a_message_and_uploads_nothing(string? uploadUrl)
    {
        await using var app = await SeededAppAsync();
        var (context, _) = await ExportAndOfferAsync(app, "2025-1", "csv");
        var consent = ConsentValue("accept", context);
        if (uploadUrl is null)
        {
            consent["uploadInfo"]!.AsObject().Remove("uploadUrl");
        }
        else
        {
            consent["uploadInfo"]!["uploadUrl"] = uploadUrl;
        }

        using var response = await ConsentAsync(app, consent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_upload.Puts);
        Assert.Equal("Filen sparades inte: Teams angav ingen giltig plats i din OneDrive för den. Skriv export för att göra en ny.", app.Connector.Posts.Last().Text);
    }

    [Fact]
    public async Task Consent_reaching_a_second_instance_uploads_the_file_made_by_the_first()
    {
        await using var first = await SeededAppAsync();
        var (context, size) = await ExportAndOfferAsync(first, "2025-1,2025-2", "xlsx");
        await using var second = new SofSBotApp(azurite, settings: Settings(SofSBotApp.TestPseudonymSecret), tablePrefix: first.TablePrefix, connector: first.Connector, services: UseFakeUpload);

        await ConsentAsync(second, ConsentValue("accept", context));

        Assert.Equal(1, _upload.Completed);
        Assert.Equal(size, _upload.Received.Length);
        Assert.Equal(7, Workbook.Read(_upload.Received)["Svar"].Count - 1); // team 2 (2 answers) and 2025 höst (1) are below the threshold: no rows
        Assert.Equal("Filen sofs-skattningar-2025-1_2025-2.xlsx finns nu i din OneDrive.", first.Connector.Posts.Last().Text);
        Assert.False(await ExportBlobExistsAsync(first, context));
    }

    [Fact]
    public async Task Two_accepts_of_the_same_file_reaching_two_instances_upload_it_once()
    {
        var (arrived, release) = _upload.HoldNextPut();
        await using var first = await SeededAppAsync();
        var (context, _) = await ExportAndOfferAsync(first, "2025-1", "csv");
        await using var second = new SofSBotApp(azurite, settings: Settings(SofSBotApp.TestPseudonymSecret), tablePrefix: first.TablePrefix, connector: first.Connector, services: UseFakeUpload);

        var one = await first.SendActivityAsync(PersonalInvoke("fileConsent/invoke", ConsentValue("accept", context)));
        await arrived.WaitAsync(TimeSpan.FromSeconds(20));
        var other = await second.SendActivityAsync(PersonalInvoke("fileConsent/invoke", ConsentValue("accept", context)));
        release.SetResult();
        await first.GetService<ExportUploads>().WhenIdleAsync();
        await second.GetService<ExportUploads>().WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Single(_upload.Puts);
        Assert.Equal(1, _upload.Completed);
        Assert.Single(first.Connector.Posts, post => post.Text?.StartsWith("Filen sofs-skattningar-2025-1_2025-2.xlsx finns nu", StringComparison.Ordinal) == true);
        Assert.Single(first.Connector.Posts, post => post.Text == "Filen håller redan på att sparas i din OneDrive. Du får ett meddelande här när den är klar.");
    }

    [Fact]
    public async Task Consent_after_the_hour_says_export_again_and_the_file_is_gone()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await SeededAppAsync(time: time);
        var (context, _) = await ExportAndOfferAsync(app, "2025-1", "xlsx");

        time.Advance(TimeSpan.FromMinutes(61));
        await ConsentAsync(app, ConsentValue("accept", context));

        Assert.Equal("Filen finns inte längre (den sparas en timme). Skriv export för att göra en ny.", app.Connector.Posts.Last().Text);
        Assert.Empty(_upload.Puts);
        Assert.False(await ExportBlobExistsAsync(app, context));
    }

    [Fact]
    public async Task Files_nobody_took_within_the_hour_are_swept_away_by_the_next_export_and_newer_ones_stay()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // Without the hourly pass, so that only the export's own sweep can delete.
        await using var app = await SeededAppAsync(time: time, withoutHourlyCleanup: true);
        var (forgotten, _) = await ExportAndOfferAsync(app, "2025-1", "csv");
        time.Advance(TimeSpan.FromMinutes(30));
        var (recent, _) = await ExportAndOfferAsync(app, "2025-1", "csv");

        time.Advance(TimeSpan.FromMinutes(31));
        var (next, _) = await ExportAndOfferAsync(app, "2025-2", "csv");

        Assert.False(await ExportBlobExistsAsync(app, forgotten), "The file older than an hour was kept.");
        Assert.True(await ExportBlobExistsAsync(app, recent));
        Assert.True(await ExportBlobExistsAsync(app, next));
    }

    [Fact]
    public async Task Files_nobody_took_are_swept_away_by_the_hourly_pass_without_another_export()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await SeededAppAsync(time: time);
        var (forgotten, _) = await ExportAndOfferAsync(app, "2025-1", "csv");

        time.Advance(TimeSpan.FromMinutes(61));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await ExportBlobExistsAsync(app, forgotten))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }

    [Fact]
    public async Task Someone_else_cannot_take_the_file_and_a_declined_file_is_gone()
    {
        await using var app = await SeededAppAsync();
        await app.SendActivityAsync(PersonalInvoke("adaptiveCard/action", RunValue("2025-1", "csv")));
        await app.GetService<ExportJobs>().WhenIdleAsync();
        var context = app.Connector.Posts.Last().Body!["attachments"]![0]!["content"]!["acceptContext"]!;

        await ConsentAsync(app, ConsentValue("accept", context), Sara);
        Assert.Equal("Den här filen gjordes åt någon annan.", app.Connector.Posts.Last().Text);

        Assert.True(await ExportBlobExistsAsync(app, context));

        await ConsentAsync(app, ConsentValue("decline", context));
        Assert.Equal("Filen sparades inte. Skriv export för att göra en ny.", app.Connector.Posts.Last().Text);
        Assert.False(await ExportBlobExistsAsync(app, context), "A declined file stayed in Blob Storage.");

        await ConsentAsync(app, ConsentValue("accept", context));
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

    private static Dictionary<string, string?> Settings(string? pseudonymSecret) => new()
    {
        ["Roles:Coordinators:0"] = Karin["aadObjectId"]!.GetValue<string>(),
        ["Export:PseudonymSecret"] = pseudonymSecret,
        ["Export:Upload:MaxAttempts"] = "3",
        ["Export:Upload:BaseDelay"] = "00:00:00.010",
    };

    private async Task<SofSBotApp> SeededAppAsync(string? pseudonymSecret = SofSBotApp.TestPseudonymSecret, TimeProvider? time = null, bool withoutHourlyCleanup = false)
    {
        var app = new SofSBotApp(azurite, settings: Settings(pseudonymSecret), time: time, services: services =>
        {
            UseFakeUpload(services);
            if (withoutHourlyCleanup)
            {
                services.Remove(services.Single(service => service.ImplementationType == typeof(ExportFileCleanup)));
            }
        });
        await ExportDataset.SeedAsync(app.Services);
        return app;
    }

    private void UseFakeUpload(IServiceCollection services) =>
        services.AddHttpClient(ExportUploader.ClientName).ConfigurePrimaryHttpMessageHandler(() => _upload);

    /// <summary>Runs an export as Karin and returns the consent card's context and the file's size.</summary>
    private static async Task<(JsonNode Context, long Size)> ExportAndOfferAsync(SofSBotApp app, string periods, string format)
    {
        await app.SendActivityAsync(PersonalInvoke("adaptiveCard/action", RunValue(periods, format)));
        await app.GetService<ExportJobs>().WhenIdleAsync();
        var content = app.Connector.Posts.Last().Body!["attachments"]![0]!["content"]!;
        return (content["acceptContext"]!, content["sizeInBytes"]!.GetValue<long>());
    }

    /// <summary>A file of three chunks stored for Karin as an export would be, with its consent context and bytes.</summary>
    private static async Task<(JsonObject Context, byte[] Bytes)> StoreLargeFileAsync(SofSBotApp app)
    {
        var bytes = new byte[(8 * 1024 * 1024) + 12345];
        new Random(7).NextBytes(bytes);
        using var content = new MemoryStream(bytes);
        var file = await app.GetService<IExportFileStore>().SaveAsync(content, Karin["id"]!.GetValue<string>(), "sofs-svar-2025-1.csv", "Skattningar 2025 vår", SofSBot.Localization.Language.Swedish, CancellationToken.None);
        return (new JsonObject { ["exportId"] = file.ExportId }, bytes);
    }

    private static string ContainerName(SofSBotApp app) => (app.TablePrefix + "exports").ToLowerInvariant();

    private async Task<bool> ExportBlobExistsAsync(SofSBotApp app, JsonNode context) =>
        (await azurite.BlobServiceClient.GetBlobContainerClient(ContainerName(app)).GetBlobClient(context["exportId"]!.GetValue<string>()).ExistsAsync()).Value;

    /// <summary>Sends Teams' <c>fileConsent/invoke</c> and waits for the background upload it starts.</summary>
    private static async Task<HttpResponseMessage> ConsentAsync(SofSBotApp app, JsonObject value, JsonObject? from = null)
    {
        var response = await app.SendActivityAsync(PersonalInvoke("fileConsent/invoke", value, from));
        await app.GetService<ExportUploads>().WhenIdleAsync();
        return response;
    }

    /// <summary>
    /// OneDrive's upload session: records each PUT, keeps the bytes by their Content-Range, answers
    /// 202 to a partial range and 201 after the last byte — or first the answers a test scripted.
    /// A GET tells the first byte not yet received (<c>nextExpectedRanges</c>), 404 once the file is
    /// complete, as the real session does.
    /// </summary>
    private sealed class FakeUploadSession : HttpMessageHandler
    {
        private readonly ConcurrentQueue<Scripted> _scripted = new();
        private readonly Lock _gate = new();
        private byte[] _file = [];
        private long _receivedUpTo;
        private bool _complete;

        public ConcurrentQueue<(string Url, string? ContentRange, byte[] Body)> Puts { get; } = new();

        /// <summary>How many times the session was asked for its status.</summary>
        public int Gets => _gets;

        private int _gets;

        /// <summary>How many times the session completed the file (all bytes received).</summary>
        public int Completed { get; private set; }

        /// <summary>The file as assembled from the ranges received.</summary>
        public byte[] Received
        {
            get
            {
                lock (_gate)
                {
                    return [.. _file];
                }
            }
        }

        public void AnswerFirst(HttpStatusCode status, TimeSpan? retryAfter = null) => _scripted.Enqueue(new(status, retryAfter));

        public void FailToConnect(int times)
        {
            for (var i = 0; i < times; i++)
            {
                _scripted.Enqueue(new(null, null));
            }
        }

        /// <summary>The next PUT's range is received, but its answer is lost (the connection drops).</summary>
        public void LoseAnswerOfNextPut() => _scripted.Enqueue(new(null, null, Receive: true));

        /// <summary>The next PUT waits until the test releases it; the first task completes when it arrives.</summary>
        public (Task Arrived, TaskCompletionSource Release) HoldNextPut()
        {
            var scripted = new Scripted(null, null, Receive: true, Hold: new(TaskCreationOptions.RunContinuationsAsynchronously), Arrived: new(TaskCreationOptions.RunContinuationsAsynchronously));
            _scripted.Enqueue(scripted);
            return (scripted.Arrived!.Task, scripted.Hold!);
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get)
            {
                Interlocked.Increment(ref _gets);
                lock (_gate)
                {
                    return _complete
                        ? new HttpResponseMessage(HttpStatusCode.NotFound)
                        : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($$"""{"expirationDateTime":"2026-12-04T08:00:00Z","nextExpectedRanges":["{{_receivedUpTo}}-"]}""") };
                }
            }

            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            var range = request.Content.Headers.ContentRange!;
            Puts.Enqueue((request.RequestUri!.ToString(), range.ToString(), body));
            if (_scripted.TryDequeue(out var scripted))
            {
                if (scripted.Hold is { } hold)
                {
                    scripted.Arrived!.TrySetResult();
                    await hold.Task.WaitAsync(cancellationToken);
                    return Receive(range, body);
                }

                if (scripted.Receive)
                {
                    Receive(range, body).Dispose();
                }

                if (scripted.Status is not { } status)
                {
                    throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection reset (scripted).");
                }

                var answer = new HttpResponseMessage(status);
                if (scripted.RetryAfter is { } retryAfter)
                {
                    answer.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
                }

                return answer;
            }

            return Receive(range, body);
        }

        private HttpResponseMessage Receive(System.Net.Http.Headers.ContentRangeHeaderValue range, byte[] body)
        {
            lock (_gate)
            {
                if (_file.Length != range.Length)
                {
                    _file = new byte[range.Length!.Value];
                }

                body.CopyTo(_file, range.From!.Value);
                if (range.From <= _receivedUpTo)
                {
                    _receivedUpTo = Math.Max(_receivedUpTo, range.To!.Value + 1);
                }

                if (_receivedUpTo < range.Length)
                {
                    return new HttpResponseMessage(HttpStatusCode.Accepted);
                }

                // The session ends with the file made; a range sent again afterwards finds no session.
                _complete = true;
                Completed++;
                return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("{\"id\":\"item-1\",\"name\":\"file\"}") };
            }
        }

        private sealed record Scripted(HttpStatusCode? Status, TimeSpan? RetryAfter, bool Receive = false, TaskCompletionSource? Hold = null, TaskCompletionSource? Arrived = null);
    }
}
