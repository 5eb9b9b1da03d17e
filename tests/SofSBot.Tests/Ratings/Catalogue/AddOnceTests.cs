using SofSBot.Ratings.Catalogue;
using SofSBot.Storage;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Ratings.Catalogue;

/// <summary>A second press of an add button is told "added" only once the add is stored.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AddOnceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly SofSBotApp _app = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private IClaimStore Claims => _app.GetService<IClaimStore>();

    [Fact]
    public async Task A_press_while_the_first_is_storing_gets_its_turn_when_the_first_is_refused()
    {
        Assert.Equal(AddClaim.Store, await AddOnce.TryClaimAsync(Claims, "team-goal|t|f1|h", default));

        var second = AddOnce.TryClaimAsync(Claims, "team-goal|t|f1|h", default);
        await Task.Delay(600);
        Assert.False(second.IsCompleted);
        await AddOnce.ReleaseAsync(Claims, "team-goal|t|f1|h");

        Assert.Equal(AddClaim.Store, await second);
    }

    [Fact]
    public async Task A_press_after_the_first_stored_it_is_told_it_is_added()
    {
        Assert.Equal(AddClaim.Store, await AddOnce.TryClaimAsync(Claims, "period|f2|h", default));
        var second = AddOnce.TryClaimAsync(Claims, "period|f2|h", default);
        await AddOnce.CompleteAsync(Claims, "period|f2|h");

        Assert.Equal(AddClaim.AlreadyAdded, await second);
    }

    [Fact]
    public async Task A_press_while_the_first_is_still_storing_after_the_wait_is_not_told_it_is_added()
    {
        Assert.Equal(AddClaim.Store, await AddOnce.TryClaimAsync(Claims, "organisation-goal|f3|h", default));

        Assert.Equal(AddClaim.StillSaving, await AddOnce.TryClaimAsync(Claims, "organisation-goal|f3|h", default));
    }
}
