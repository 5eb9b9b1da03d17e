using System.Globalization;
using System.Text.RegularExpressions;

namespace SofSBot.Privacy;

/// <summary>
/// Finds Swedish personal identity numbers (personnummer) and coordination numbers
/// (samordningsnummer) in free text, so that text which could identify a client is never stored.
/// Accepts 10 digits (YYMMDDNNNC) or 12 (YYYYMMDDNNNC), with or without a separator before the last
/// four: '-', '+', a dash as word processors write it (en dash, minus, non-breaking hyphen), a space,
/// or a dash with a space on either side ("811218 - 9876"). The date must exist (coordination
/// numbers add 60 to the day; a 12-digit year must be 18xx–20xx) and the check digit must agree
/// (Luhn over the 10-digit form). A run of more digits (an 11-digit reference, a 13-digit account)
/// is not a number, and only ASCII digits count: other scripts' digits are not read as numbers.
/// </summary>
internal static partial class PersonalIdentityNumbers
{
    public static bool ContainsAny(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (Match match in Candidate().Matches(text))
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

    // Six or eight date digits, an optional separator, four digits; not part of a longer number.
    // [0-9], not \d: \d also matches other scripts' digits, which int.Parse cannot read.
    [GeneratedRegex(
        @"(?<![0-9])(?<date>[0-9]{8}|[0-9]{6})(?:[\p{Zs}\t]?[-+\u2010\u2011\u2012\u2013\u2212][\p{Zs}\t]?|[\p{Zs}\t])?(?<serial>[0-9]{4})(?![0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
