using System.Globalization;

namespace SofSBot.Tests.Privacy;

/// <summary>The check digit of a Swedish personal identity number: Luhn over the 10-digit form.</summary>
internal static class Luhn
{
    /// <summary>Replaces the '?' in <paramref name="template"/> with the right check digit (a number without '?' stays as it is).</summary>
    public static string Complete(string template) => Fill(template, 0);

    /// <summary>Replaces the '?' with a check digit that is wrong.</summary>
    public static string CompleteWrongly(string template) => Fill(template, 1);

    private static string Fill(string template, int offset) =>
        template.Contains('?', StringComparison.Ordinal)
            ? template.Replace("?", ((CheckDigit(template) + offset) % 10).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : template;

    private static int CheckDigit(string template)
    {
        var digits = template.Where(char.IsAsciiDigit).Select(c => c - '0').ToList();
        var nine = digits.Count == 11 ? digits.Skip(2).ToList() : digits; // 12-digit form: drop the century
        if (nine.Count != 9)
        {
            throw new ArgumentException($"'{template}' needs 9 or 11 digits before its '?'.", nameof(template));
        }

        var sum = 0;
        for (var i = 0; i < nine.Count; i++)
        {
            var value = nine[i] * (i % 2 == 0 ? 2 : 1);
            sum += value > 9 ? value - 9 : value;
        }

        return (10 - sum % 10) % 10;
    }
}
