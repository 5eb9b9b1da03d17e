using System.Diagnostics;
using System.Diagnostics.Metrics;
using BotActivity = SofSBot.BotFramework.Activities.Activity;

namespace SofSBot.Telemetry;

/// <summary>
/// What SofSBot reports about itself, beyond the requests and dependencies the libraries report: a
/// span per inbound activity and the counts operators watch. Tags hold only fixed words (activity
/// type, invoke name, a registered verb or command, an outcome): never a user's text, name or id,
/// and never a URL.
/// </summary>
internal sealed class BotTelemetry : IDisposable
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "SofSBot";

    public const string ActivityTypeTag = "sofsbot.activity.type";
    public const string ActivityNameTag = "sofsbot.activity.name";
    public const string VerbTag = "sofsbot.verb";
    public const string CommandTag = "sofsbot.command";
    public const string OutcomeTag = "sofsbot.outcome";

    private static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter;
    private readonly Counter<long> _invokes;
    private readonly Counter<long> _commands;
    private readonly Counter<long> _posts;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _claimsTakenOver;
    private readonly Histogram<double> _exportDuration;

    public BotTelemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        _invokes = _meter.CreateCounter<long>("sofsbot.invokes", "{invoke}", "Card actions and other invokes handled, by verb and outcome.");
        _commands = _meter.CreateCounter<long>("sofsbot.commands", "{command}", "Text commands handled, by command and outcome.");
        _posts = _meter.CreateCounter<long>("sofsbot.posts", "{post}", "Scheduled routine cards posted to channels, by outcome.");
        _throttled = _meter.CreateCounter<long>("sofsbot.http.throttled", "{response}", "429 Too Many Requests received, by client.");
        _claimsTakenOver = _meter.CreateCounter<long>("sofsbot.claims.taken_over", "{claim}", "Claims left by an instance that stopped and taken over by this one, by store.");
        _exportDuration = _meter.CreateHistogram<double>("sofsbot.export.duration", "s", "How long an export took from the coordinator's click to the offered file, by format and outcome.");
    }

    /// <summary>Starts the span of one inbound activity (null when nobody listens).</summary>
    public static Activity? StartTurn(BotActivity activity)
    {
        var type = Known(activity.Type, "other");
        var span = Source.StartActivity(activity.Name is { Length: > 0 } name && type == "invoke" ? $"{type} {Known(name, "other")}" : type, ActivityKind.Internal);
        span?.SetTag(ActivityTypeTag, type);
        if (type == "invoke")
        {
            span?.SetTag(ActivityNameTag, Known(activity.Name, "other"));
        }

        return span;
    }

    /// <summary>An invoke or card submit handled: <paramref name="verb"/> must be a registered verb (or a fixed word).</summary>
    public void InvokeHandled(string verb, string outcome)
    {
        Turn?.SetTag(VerbTag, verb).SetTag(OutcomeTag, outcome);
        _invokes.Add(1, new KeyValuePair<string, object?>(VerbTag, verb), new KeyValuePair<string, object?>(OutcomeTag, outcome));
    }

    /// <summary>A text command handled: <paramref name="command"/> is the command's English name, not what the user typed.</summary>
    public void CommandHandled(string command, string outcome)
    {
        Turn?.SetTag(CommandTag, command).SetTag(OutcomeTag, outcome);
        _commands.Add(1, new KeyValuePair<string, object?>(CommandTag, command), new KeyValuePair<string, object?>(OutcomeTag, outcome));
    }

    /// <summary>The outcome of a turn that is neither an invoke nor a command (events, unknown text).</summary>
    public static void TurnOutcome(string outcome) => Turn?.SetTag(OutcomeTag, outcome);

    public void Posted(string outcome) => _posts.Add(1, new KeyValuePair<string, object?>(OutcomeTag, outcome));

    public void Throttled(string client) => _throttled.Add(1, new KeyValuePair<string, object?>("sofsbot.client", client));

    public void ClaimTakenOver(string store) => _claimsTakenOver.Add(1, new KeyValuePair<string, object?>("sofsbot.store", store));

    public void ExportFinished(TimeSpan duration, string format, string outcome) =>
        _exportDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("sofsbot.format", format), new KeyValuePair<string, object?>(OutcomeTag, outcome));

    public void Dispose() => _meter.Dispose();

    /// <summary>The span of the turn being handled, if it is ours (not the request's or a library's).</summary>
    private static Activity? Turn => Activity.Current is { } current && current.Source == Source ? current : null;

    /// <summary>Activity types and invoke names are chosen by the sender: only known shapes become tags.</summary>
    private static string Known(string? value, string otherwise) =>
        value is { Length: > 0 and <= 40 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.' or '_') ? value : otherwise;
}
