using SofSBot.Localization;

namespace SofSBot.Tests.Localization;

public sealed class LanguagesTests
{
    [Theory]
    [InlineData("en-US", true)]
    [InlineData("en-GB", true)]
    [InlineData("EN", true)]
    [InlineData("sv-SE", false)]
    [InlineData("sv", false)]
    [InlineData("fi-FI", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("english", false)]
    public void Swedish_is_the_default_and_english_locales_get_english(string? locale, bool english)
    {
        Assert.Equal(english ? Language.English : Language.Swedish, Languages.FromLocale(locale));
    }

    [Fact]
    public void Numbers_follow_the_users_locale()
    {
        Assert.Equal("7,5", 7.5.ToString(Languages.CultureFor("sv-SE", Language.Swedish)));
        Assert.Equal("7.5", 7.5.ToString(Languages.CultureFor("en-US", Language.English)));
        Assert.Equal("7,5", 7.5.ToString(Languages.CultureFor("not-a-locale-at-all", Language.Swedish)));
    }
}
