using System.Text;

namespace SofSBot.BotFramework.Cards;

/// <summary>
/// TextBlocks (and the titles and values of a FactSet) are read as Markdown: Teams shows bold,
/// italics, lists and links, and a client may honour more of CommonMark. Text that a user typed, or a
/// display name, must show as written: <see cref="Escape"/> puts a backslash before every character
/// that could start markup, so <c>[Logga in](https://evil.example)</c> stays text and never becomes a
/// link in the bot's card. Only for text placed in a TextBlock or a Fact: inputs, choices, button
/// titles and the fallback text are shown as they are and must not be escaped.
/// </summary>
public static class Markdown
{
    // Escaped wherever they stand: emphasis (* _ ~), code (`), links and images ([ ] and the
    // autolink's < >), entities (&), the backslash itself, tables (|), and the braces of the
    // {{DATE()}}/{{TIME()}} functions that Adaptive Cards expands.
    private const string Anywhere = "\\`*_~[]<>&|{}";

    /// <summary>The text with every Markdown character escaped by a backslash (CommonMark escapes ASCII punctuation); null is empty.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 16);
        var atLineStart = true; // only indentation so far on this line
        var inLeadingNumber = false; // only indentation and digits so far: "1." or "1)" would start a list
        foreach (var c in text)
        {
            if (c is '\n' or '\r')
            {
                escaped.Append(c);
                atLineStart = true;
                inLeadingNumber = false;
                continue;
            }

            if (atLineStart && c is ' ' or '\t')
            {
                escaped.Append(c);
                continue;
            }

            if ((atLineStart || inLeadingNumber) && char.IsAsciiDigit(c))
            {
                escaped.Append(c);
                atLineStart = false;
                inLeadingNumber = true;
                continue;
            }

            // Block markup counts only at the start of a line: a heading, a list item, a setext underline, a numbered item.
            var startsBlock = (atLineStart && c is '#' or '-' or '+' or '=') || (inLeadingNumber && c is '.' or ')');
            if (startsBlock || Anywhere.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            atLineStart = false;
            inLeadingNumber = false;
        }

        return escaped.ToString();
    }
}
