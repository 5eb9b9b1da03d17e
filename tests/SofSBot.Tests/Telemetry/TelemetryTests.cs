using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SofSBot.Export;
using SofSBot.Telemetry;
using SofSBot.Tests.Export;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Telemetry;

/// <summary>
/// What the app reports through OpenTelemetry, read with the in-memory exporter: a span per inbound
/// activity with its type, verb and outcome, the operators' counts — and never a user's text or the
/// OneDrive upload URL (its path names the user, its tempauth is a credential), in a span or a log.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryTests(AzuriteFixture azurite)
{
    private const string SecretText = "Karins hemliga anteckning om Olle 4711";
    private const string UploadUrl = "https://contoso-my.sharepoint.com/personal/karin_contoso_se/_api/v2.0/drive/items/01ABCDEF/uploadSession?guid='5d2a'&overwrite=False&rename=True&dc=0&tempauth=eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.c2VjcmV0LXRva2Vu.";

    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private readonly List<LogRecord> _logs = [];
    private readonly UploadSession _upload = new();

    [Fact]
    public async Task Invoke_gives_a_span_with_verb_and_outcome_and_the_counts_and_no_user_text_or_upload_url()
    {
        await using var app = new SofSBotApp(azurite, settings: new Dictionary<string, string?>
        {
            ["Roles:Coordinators:0"] = Karin["aadObjectId"]!.GetValue<string>(),
            ["Export:Upload:BaseDelay"] = "00:00:00.010",
        }, services: Capture);
        await ExportDataset.SeedAsync(app.Services);

        await app.SendActivityAsync(PersonalMessage(SecretText));
        await app.SendActivityAsync(Invoke("adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "export.run",
                ["data"] = new JsonObject { ["periods"] = "2025-1", ["format"] = "csv", ["note"] = SecretText },
            },
            ["trigger"] = "manual",
        }));
        await app.GetService<ExportJobs>().WhenIdleAsync();
        var context = app.Connector.Posts.Last().Body!["attachments"]![0]!["content"]!["acceptContext"]!;
        _upload.ThrottleFirst = true;
        await app.SendActivityAsync(Invoke("fileConsent/invoke", new JsonObject
        {
            ["type"] = "fileUpload",
            ["action"] = "accept",
            ["context"] = context.DeepClone(),
            ["uploadInfo"] = new JsonObject
            {
                ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/karin_contoso_se/Documents/sofs.csv",
                ["name"] = "sofs.csv",
                ["uploadUrl"] = UploadUrl,
                ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
                ["fileType"] = "csv",
            },
        }));
        await app.GetService<ExportUploads>().WhenIdleAsync();
        Flush(app);

        // The spans of the three turns, with fixed words only.
        var invoke = Assert.Single(_spans, span => span.DisplayName == "invoke adaptiveCard/action");
        Assert.Equal("invoke", invoke.GetTagItem(BotTelemetry.ActivityTypeTag));
        Assert.Equal("export.run", invoke.GetTagItem(BotTelemetry.VerbTag));
        Assert.Equal("ok", invoke.GetTagItem(BotTelemetry.OutcomeTag));
        var message = Assert.Single(_spans, span => span.DisplayName == "message");
        Assert.Equal("not_understood", message.GetTagItem(BotTelemetry.OutcomeTag));
        var consent = Assert.Single(_spans, span => span.DisplayName == "invoke fileConsent/invoke");
        Assert.Equal("ok", consent.GetTagItem(BotTelemetry.OutcomeTag));

        // The upload was delivered after one 429. (A faked primary handler makes no HttpClient span:
        // the URL scrubbing of those is checked on its own below.)
        Assert.Equal(2, _upload.Puts);

        Assert.True(Sum("sofsbot.invokes", (BotTelemetry.VerbTag, "export.run"), (BotTelemetry.OutcomeTag, "ok")) == 1, "No invoke counted for export.run/ok.");
        Assert.True(Sum("sofsbot.invokes", (BotTelemetry.VerbTag, "fileConsent"), (BotTelemetry.OutcomeTag, "ok")) == 1);
        Assert.True(Sum("sofsbot.http.throttled", ("sofsbot.client", ExportUploader.ClientName)) == 1, "The upload's 429 was not counted.");
        Assert.True(Sum("sofsbot.export.duration", ("sofsbot.format", "csv"), (BotTelemetry.OutcomeTag, "ok")) == 1, "No export duration recorded.");

        foreach (var span in _spans)
        {
            AssertClean($"span {span.DisplayName}", span.DisplayName);
            foreach (var (key, value) in span.TagObjects)
            {
                AssertClean($"span {span.DisplayName}, tag {key}", value?.ToString());
            }

            foreach (var spanEvent in span.Events)
            {
                AssertClean($"span {span.DisplayName}, event", string.Join(' ', spanEvent.Tags.Select(tag => tag.Value)));
            }
        }

        Assert.NotEmpty(_logs);
        foreach (var log in _logs)
        {
            AssertClean($"log {log.CategoryName}", log.FormattedMessage ?? log.Body);
            foreach (var (key, value) in log.Attributes ?? [])
            {
                AssertClean($"log {log.CategoryName}, attribute {key}", value?.ToString());
            }
        }
    }

    [Theory]
    [InlineData("https://contoso-my.sharepoint.com/personal/karin/_api/v2.0/drive/items/1/uploadSession?guid=1&tempauth=eyJhbGciOi.x.y", "https://contoso-my.sharepoint.com/")]
    [InlineData("https://upload.example/session?tempauth=*", "https://upload.example/")]
    [InlineData("https://smba.trafficmanager.net/emea/v3/conversations/a%3A1/activities?x=1", "https://smba.trafficmanager.net/emea/v3/conversations/{id}/activities")]
    [InlineData("https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1765/activities/1765124000000", "https://smba.trafficmanager.net/emea/v3/conversations/{id}/activities/{id}")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/RatingAnswers(PartitionKey='2026-2%7C19%3Ateam',RowKey='round%2129%3A1sara%21org-1')", "http://127.0.0.1:10002/devstoreaccount1/RatingAnswers({id})")]
    [InlineData("https://acct.table.core.windows.net/Tables()", "https://acct.table.core.windows.net/Tables()")]
    [InlineData("https://graph.microsoft.com/v1.0/teams/3f2a9c1d-0000-4000-8000-000000000001/members", "https://graph.microsoft.com/v1.0/teams/{id}/members")]
    public void Scrubber_keeps_no_query_and_no_path_into_a_users_files(string url, string expected)
    {
        using var span = new Activity("test").SetTag("url.full", url).SetTag("url.query", "?tempauth=x").Start();
        span.Stop();

        new TelemetryScrubber().OnEnd(span);

        Assert.Equal(expected, span.GetTagItem("url.full"));
        Assert.Null(span.GetTagItem("url.query"));
    }

    private void Capture(IServiceCollection services)
    {
        services.AddHttpClient(ExportUploader.ClientName).ConfigurePrimaryHttpMessageHandler(() => _upload);
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddInMemoryExporter(_spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
        services.AddLogging(logging => logging.AddOpenTelemetry(options =>
        {
            options.IncludeFormattedMessage = true;
            options.AddInMemoryExporter(_logs);
        }));
        services.Configure<LoggerFilterOptions>(options =>
            options.Rules.Add(new LoggerFilterRule(typeof(OpenTelemetryLoggerProvider).FullName, null, LogLevel.Trace, null)));
    }

    private static void Flush(SofSBotApp app)
    {
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        app.Services.GetRequiredService<LoggerProvider>().ForceFlush();
    }

    private static void AssertClean(string where, string? value)
    {
        if (value is null)
        {
            return;
        }

        Assert.False(value.Contains("hemliga anteckning", StringComparison.OrdinalIgnoreCase), $"{where} carries the user's text: {value}");
        Assert.False(value.Contains("tempauth", StringComparison.OrdinalIgnoreCase), $"{where} carries the upload URL's tempauth: {value}");
        Assert.False(value.Contains("/personal/", StringComparison.OrdinalIgnoreCase), $"{where} carries a path into the user's OneDrive: {value}");
    }

    /// <summary>The sum of a counter's (or a histogram's count of) points with the given tags.</summary>
    private long Sum(string name, params (string Key, string Value)[] tags)
    {
        long total = 0;
        foreach (var metric in _metrics.Where(metric => metric.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    pointTags[tag.Key] = tag.Value;
                }

                if (tags.All(tag => pointTags.TryGetValue(tag.Key, out var value) && Equals(value, tag.Value)))
                {
                    total += metric.MetricType == MetricType.Histogram ? point.GetHistogramCount() : point.GetSumLong();
                }
            }
        }

        return total;
    }

    private static JsonObject Invoke(string name, JsonObject value)
    {
        var activity = PersonalMessage(string.Empty);
        activity["type"] = "invoke";
        activity["name"] = name;
        activity.Remove("text");
        activity["value"] = value;
        return activity;
    }

    /// <summary>OneDrive's upload session, reduced: one 429 first if asked, then 201 for the whole file; a GET hears that nothing arrived yet.</summary>
    private sealed class UploadSession : HttpMessageHandler
    {
        private int _puts;

        public bool ThrottleFirst { get; set; }

        public int Puts => _puts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get)
            {
                // Asked where to go on after the 429: nothing received yet.
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"nextExpectedRanges":["0-"]}""") });
            }

            var put = Interlocked.Increment(ref _puts);
            return Task.FromResult(ThrottleFirst && put == 1
                ? new HttpResponseMessage(HttpStatusCode.TooManyRequests)
                : new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("""{"id":"01ABCDEF","name":"sofs.csv"}""") });
        }
    }
}
