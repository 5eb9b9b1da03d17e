using System.Reflection;
using System.Text.RegularExpressions;
using SofSBot.BotFramework.Cards;
using SofSBot.Routines;

namespace SofSBot.Tests.Cards;

/// <summary>
/// Every card the bot can send, in its sample states, is read by the Adaptive Cards reference library
/// (npm <c>adaptivecards</c>) exactly as it goes on the wire, without an error, a warning or a dropped
/// element; and the check is shown to catch broken cards.
/// </summary>
public sealed partial class CardValidityTests(ReferenceParserRun parser) : IClassFixture<ReferenceParserRun>
{
    /// <summary>The highest version Teams renders (see docs in PLATFORM.md).</summary>
    private const string TeamsCardVersion = "1.5";

    public static TheoryData<string> SampleNames => [.. CardSampleCatalog.Samples.Select(sample => sample.Name).Distinct()];

    public static TheoryData<string> BrokenCardNames => [.. BrokenCards.All.Keys];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_card_is_read_by_the_reference_parser_without_errors_or_warnings(string name)
    {
        var result = parser[name];

        Assert.True(result.Problems.Count == 0, $"{name}:{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Reference_parser_keeps_every_element_and_the_version_of_the_sample(string name)
    {
        var result = parser[name];

        Assert.Equal(TeamsCardVersion, result.DeclaredVersion);
        Assert.Equal(TeamsCardVersion, result.ParsedVersion);
        Assert.True(result.SentElements > 0, $"{name} has no elements.");
        Assert.Equal(result.SentElements, result.ParsedElements);
    }

    [Theory]
    [MemberData(nameof(BrokenCardNames))]
    public void Reference_check_reports_a_broken_card(string name)
    {
        var result = parser[name];

        Assert.Contains(result.Problems, problem => problem.Contains(BrokenCards.All[name].Expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Teams_features_the_cards_rely_on_pass_the_check()
    {
        var result = parser[ReferenceParserRun.TeamsFeaturesCardName];

        Assert.True(result.Problems.Count == 0, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(result.SentElements, result.ParsedElements);
    }

    [Fact]
    public void Reference_check_notices_an_element_the_parser_dropped()
    {
        var result = parser["broken-unknown-element-type"];

        Assert.NotEqual(result.SentElements, result.ParsedElements);
    }

    [Fact]
    public void Every_sample_has_a_unique_file_name()
    {
        var names = CardSampleCatalog.Samples.Select(sample => sample.Name).ToList();

        Assert.All(names, name => Assert.Matches(FileName(), name));
        Assert.Empty(names.GroupBy(name => name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1).Select(group => group.Key));
        Assert.All(CardSampleCatalog.Samples, sample => Assert.False(string.IsNullOrWhiteSpace(sample.Description), sample.Name));
    }

    /// <summary>
    /// A feature folder builds cards when one of its types has a method returning a card or
    /// implements <see cref="IRoutineCards"/>; its samples live in <c>{Folder}CardSamples</c>, e.g.
    /// SofSBot.Routines.Highlights → HighlightsCardSamples.
    /// </summary>
    [Fact]
    public void Every_feature_folder_that_builds_cards_has_samples()
    {
        var folders = typeof(IRoutineCards).Assembly.GetTypes()
            .Where(type => !type.Name.Contains('<', StringComparison.Ordinal) && BuildsCards(type))
            .Select(type => type.Namespace!.Split('.')[^1])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var sampled = CardSampleCatalog.SampleTypes
            .Where(type => type.GetInterfaces().Contains(typeof(ICardSamples)))
            .Select(type => type.Name)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["Help", "TeamsEvents", "Scheduling", "Routines"]), folders.ToHashSet());
        Assert.All(folders, folder => Assert.True(sampled.Contains(folder + "CardSamples"), $"No {folder}CardSamples for the cards built in {folder}."));
        Assert.All(CardSampleCatalog.SampleTypes, type => Assert.NotEmpty(((ICardSamples)Activator.CreateInstance(type, nonPublic: true)!).Samples()));
    }

    private static bool BuildsCards(Type type) =>
        typeof(IRoutineCards).IsAssignableFrom(type) && type.IsClass
        || type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Any(method => method.ReturnType == typeof(AdaptiveCard) && !method.IsSpecialName);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9.]+)*$")]
    private static partial Regex FileName();
}
