using Azure;
using Azure.Data.Tables;
using SofSBot.TeamsEvents;

namespace SofSBot.Export;

/// <summary>A team as the export names it.</summary>
internal sealed record ExportTeam(string TeamId, string Name, bool IsInstalled);

/// <summary>Every team SofSBot knows, for names and for "teams without answers".</summary>
internal interface IExportTeamDirectory
{
    Task<IReadOnlyList<ExportTeam>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Reads the team rows of the <c>Teams</c> table (RowKey <c>team</c>, see <see cref="TableTeamStore"/>);
/// <see cref="ITeamStore"/> has no list of all teams, and the export needs only names and state.
/// </summary>
internal sealed class TableExportTeamDirectory(Storage.TableProvider tables) : IExportTeamDirectory
{
    // TableTeamStore's RowKey of a team's own row (its channels are "channel|…").
    private const string TeamRowKey = "team";

    public async Task<IReadOnlyList<ExportTeam>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetTableAsync(TableTeamStore.TableName, cancellationToken);
        var teams = new List<ExportTeam>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"RowKey eq {TeamRowKey}"), select: ["TeamId", "Name", "State"], cancellationToken: cancellationToken))
            {
                var teamId = row.GetString("TeamId") ?? row.PartitionKey;
                teams.Add(new ExportTeam(teamId, row.GetString("Name") ?? teamId, row.GetString("State") == nameof(TeamState.Installed)));
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // No team ever installed.
        }

        return [.. teams.OrderBy(team => team.Name, StringComparer.CurrentCultureIgnoreCase)];
    }
}
