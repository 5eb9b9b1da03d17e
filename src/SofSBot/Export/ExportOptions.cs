using System.ComponentModel.DataAnnotations;
using System.Text;

namespace SofSBot.Export;

/// <summary>The coordinator's export and follow-up report (section <c>Export</c>).</summary>
internal sealed class ExportOptions : IValidatableObject
{
    public const string SectionName = "Export";

    /// <summary>The smallest secret accepted: HMAC-SHA256 is only as strong as a key of its block's half.</summary>
    public const int MinSecretBytes = 32;

    /// <summary>
    /// The key of the respondents' pseudonyms (HMAC-SHA256 of year and user id). Whoever has it can
    /// test a guessed user id against a pseudonym, so it is kept like a password and never logged.
    /// </summary>
    public string PseudonymSecret { get; set; } = string.Empty;

    /// <summary>The level the steering group counts as "there": the share of answers at or above it is reported.</summary>
    [Range(1, 10)]
    public int ReportLevel { get; set; } = 7;

    /// <summary>The steering group's target for that share (0–1).</summary>
    [Range(0.0, 1.0)]
    public double ReportTarget { get; set; } = 0.7;

    /// <summary>
    /// What App Service leaves in a setting whose Key Vault reference it could not resolve (no
    /// secret, no access): long enough to pass for a key, and the same in every deployment.
    /// </summary>
    private const string UnresolvedKeyVaultReference = "@Microsoft.KeyVault(";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The message names the key and the rule, never the value.
        if ((PseudonymSecret ?? string.Empty).TrimStart().StartsWith(UnresolvedKeyVaultReference, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(PseudonymSecret)} is a Key Vault reference that App Service could not resolve; check the secret and the app identity's access to the vault.",
                [nameof(PseudonymSecret)]);
        }
        else if (Encoding.UTF8.GetByteCount(PseudonymSecret ?? string.Empty) < MinSecretBytes)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(PseudonymSecret)} must be set to a secret of at least {MinSecretBytes} bytes (e.g. 64 random hex digits).",
                [nameof(PseudonymSecret)]);
        }
    }
}
