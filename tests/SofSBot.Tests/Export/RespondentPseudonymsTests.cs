using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SofSBot.Export;

namespace SofSBot.Tests.Export;

public sealed class RespondentPseudonymsTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef-secret";
    private const string UserId = "29:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d";

    [Fact]
    public void Same_person_has_the_same_key_all_year()
    {
        var pseudonyms = Pseudonyms(Secret);

        Assert.Equal(pseudonyms.For(2025, UserId), Pseudonyms(Secret).For(2025, UserId));
        Assert.NotEqual(pseudonyms.For(2025, UserId), pseudonyms.For(2025, UserId + "x"));
    }

    [Fact]
    public void Next_year_the_same_person_has_another_key()
    {
        var pseudonyms = Pseudonyms(Secret);

        Assert.NotEqual(pseudonyms.For(2025, UserId), pseudonyms.For(2026, UserId));
    }

    [Fact]
    public void Key_does_not_lead_back_without_the_secret()
    {
        var key = Pseudonyms(Secret).For(2025, UserId);

        // 16 hex digits with no trace of the id; a plain hash of the id (guessable by anyone) is not it,
        // and another secret gives another key.
        Assert.Matches("^[0-9a-f]{16}$", key);
        Assert.DoesNotContain("1a2b3c4d", key, StringComparison.OrdinalIgnoreCase);
        var plainHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("2025\n" + UserId)))[..16];
        Assert.NotEqual(plainHash, key);
        Assert.NotEqual(key, Pseudonyms(Secret.Replace('0', '1')).For(2025, UserId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("too-short-secret")]
    [InlineData("0123456789abcdef0123456789abcde")]
    public void Secret_shorter_than_32_bytes_is_refused_without_echoing_it(string secret)
    {
        var options = new ExportOptions { PseudonymSecret = secret };

        var errors = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true));

        var error = Assert.Single(errors);
        Assert.Contains("Export:PseudonymSecret", error.ErrorMessage, StringComparison.Ordinal);
        Assert.True(secret.Length == 0 || !error.ErrorMessage!.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Key_vault_reference_that_app_service_could_not_resolve_is_not_taken_for_a_key()
    {
        var options = new ExportOptions { PseudonymSecret = "@Microsoft.KeyVault(SecretUri=https://kvsofsbot0123456789abc.vault.azure.net/secrets/export-pseudonym-secret)" };

        var errors = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true));

        var error = Assert.Single(errors);
        Assert.Contains("Export:PseudonymSecret", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Key Vault", error.ErrorMessage, StringComparison.Ordinal);
    }

    private static RespondentPseudonyms Pseudonyms(string secret) =>
        new(Options.Create(new ExportOptions { PseudonymSecret = secret }));
}
