using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SofSBot.Privacy;

/// <summary>
/// Finds Swedish personal identity numbers (personnummer) and coordination numbers
/// (samordningsnummer) in free text, so that text which could identify a client is never stored.
/// Accepts 10 digits (YYMMDDNNNC) or 12 (YYYYMMDDNNNC), with or without a separator before the last
/// four. The text is first read as a person would see it (<see cref="Normalize"/>): compatibility
/// forms are folded (NFKC: full-width, superscript and mathematical digits and signs become the plain
/// ones), every decimal digit of any script ("٨١١٢١٨", "१९८१…") reads as its ASCII digit, combining
/// marks (Mn, Me) and invisible characters (zero-width space, joiners, word joiner, byte order mark,
/// soft hyphen, direction marks) are dropped, every dash (hyphen, en and em dash, minus sign, figure
/// dash, non-breaking hyphen …) reads as '-', and every run of whitespace (line breaks and
/// non-breaking spaces too) as one space. Then up to four of ' ', '-', '+', '/', '.', ',', '_' and ':'
/// may stand between the parts ("811218 - 9876", "811218--9876", "811218/9876", "811218,9876",
/// "811218_9876", "811218:9876", a line break). The date must exist (coordination numbers add 60 to
/// the day; a 12-digit year must be 18xx–20xx) and the check digit must agree (Luhn over the 10-digit
/// form). A run of more digits (an 11-digit reference, a 13-digit account) is not a number. Dates,
/// times, phone numbers and lists ("2026-12-07", "kl. 08.30", "kl. 8:30", "1,5 timmar", "3, 4, 5",
/// "070-123 45 67") never have six or eight digits in a row before four more, so they pass.
/// </summary>
internal static partial class PersonalIdentityNumbers
{
    public static bool ContainsAny(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (Match match in Candidate().Matches(Normalize(text)))
        {
            if (IsValid(match.Groups["date"].Value, match.Groups["serial"].Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsValid(string date, string serial)
    {
        int? century = null;
        if (date.Length == 8)
        {
            century = int.Parse(date.AsSpan(0, 2), CultureInfo.InvariantCulture);
            if (century is < 18 or > 20)
            {
                return false;
            }

            date = date[2..];
        }

        var yearInCentury = int.Parse(date.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(date.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(date.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (day > 60)
        {
            day -= 60; // a coordination number
        }

        // Without the century, any century will do for the date check; 2000 is a leap year, so
        // 29 February is accepted for every year divisible by four.
        var year = (century ?? 20) * 100 + yearInCentury;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        return LuhnIsValid(date + serial);
    }

    private static bool LuhnIsValid(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < tenDigits.Length; i++)
        {
            var digit = tenDigits[i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// The text as it reads: compatibility forms folded (NFKC), every decimal digit as its ASCII digit,
    /// combining marks and invisible characters dropped, dashes as '-', whitespace runs as one space.
    /// </summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var afterSpace = false;
        foreach (var rune in Folded(text).EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                if (!afterSpace)
                {
                    builder.Append(' ');
                    afterSpace = true;
                }

                continue;
            }

            // Format characters (Cf) have no glyph: zero-width space and joiners, word joiner, byte order
            // mark, soft hyphen, direction marks. Combining marks (Mn, Me) sit on the character before
            // them. Dropped, neither can split a number any more.
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            afterSpace = false;
            if (category == UnicodeCategory.DecimalDigitNumber)
            {
                // Any script's 0–9 (Arabic-Indic, Persian, Devanagari …; NFKC already folded full-width ones).
                builder.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
            }
            else if (category == UnicodeCategory.DashPunctuation || rune.Value is '\u2212' or '\u2043' or '\u02D7' or '\u2796')
            {
                builder.Append('-');
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>NFKC; text that cannot be normalised (a lone surrogate) is read as it is.</summary>
    private static string Folded(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    // Six or eight date digits, up to four separators, four digits; not part of a longer number.
    // [0-9], not \d: Normalize already made every digit ASCII, and int.Parse reads only those.
    [GeneratedRegex(
        @"(?<![0-9])(?<date>[0-9]{8}|[0-9]{6})[ \-+/.,_:]{0,4}(?<serial>[0-9]{4})(?![0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
