using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SofSBot.Export;

/// <summary>
/// The respondent key in an export: HMAC-SHA256 of the year and the user id under a configured
/// secret, 16 hex digits. The same person has the same key in every period of a year (so a
/// year's answers can be followed per person) and another key the next year; without the secret
/// the key leads back to no one.
/// </summary>
internal sealed class RespondentPseudonyms(IOptions<ExportOptions> options)
{
    private const int KeyBytes = 8;

    // Read on first use, so that a bot without the secret starts and only exports are refused.
    private readonly Lazy<byte[]> _secret = new(() => Encoding.UTF8.GetBytes(options.Value.PseudonymSecret));

    public string For(int year, string userId)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_secret.Value, Encoding.UTF8.GetBytes(year.ToString(CultureInfo.InvariantCulture) + "\n" + userId), hash);
        return Convert.ToHexStringLower(hash[..KeyBytes]);
    }
}
