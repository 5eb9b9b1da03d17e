using SofSBot.Storage;

namespace SofSBot.Tests.Storage;

public sealed class TableKeyTests
{
    [Theory]
    [InlineData("19:f3e2d1c0b9a84f7e6d5c4b3a2f1e0d9c@thread.tacv2")]
    [InlineData("29:1aBcDeFgHiJkLmNoPqRsTuVwXyZ")]
    [InlineData("a:1Xy2Zw3Vu4Ts5Rq6Po7Nm8Lk9Ji0Hg")]
    public void Teams_ids_stay_readable(string id)
    {
        Assert.Equal(id, TableKey.Escape(id));
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a\\b", "a%5Cb")]
    [InlineData("a#b?c", "a%23b%3Fc")]
    [InlineData("100%", "100%25")]
    [InlineData("tab\there", "tab%09here")]
    public void Characters_tables_forbid_are_escaped_reversibly(string value, string expected)
    {
        var key = TableKey.Escape(value);

        Assert.Equal(expected, key);
        Assert.Equal(value, TableKey.Unescape(key));
    }
}
