namespace SofSBot.TestSupport;

/// <summary>
/// An @mention in a message sent through the Playground. The message text must contain
/// <see cref="Text"/> itself (e.g. <c>"&lt;at&gt;SofSBot&lt;/at&gt; hjälp"</c>).
/// </summary>
public sealed record PlaygroundMention(string MentionedId, string Text)
{
    /// <summary>A mention of an account shown as <c>&lt;at&gt;{name}&lt;/at&gt;</c>.</summary>
    public static PlaygroundMention Of(string id, string name) => new(id, $"<at>{name}</at>");
}
