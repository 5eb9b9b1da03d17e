namespace SofSBot.Export;

/// <summary>
/// What an export counts while the answers stream past: a histogram per period, team and goal, the
/// answers per round of it (for the disclosure of teams with several rounds) and the respondents per
/// period and team. Its size grows with teams × goals (and team sizes), never
/// with the number of answers.
/// </summary>
internal sealed class ExportTally
{
    private readonly Dictionary<(string PeriodId, string TeamId, string GoalId), ValueHistogram> _byTeamGoal = [];
    private readonly Dictionary<(string PeriodId, string TeamId), HashSet<string>> _respondents = [];
    private readonly Dictionary<(string PeriodId, string TeamId, string GoalId), Dictionary<string, int>> _byRound = [];
    private readonly HashSet<(string PeriodId, string TeamId)> _open = [];

    public long Answers { get; private set; }

    public void Add(ExportAnswer answer)
    {
        var key = (answer.PeriodId, answer.TeamId, answer.GoalId);
        if (!_byTeamGoal.TryGetValue(key, out var histogram))
        {
            _byTeamGoal[key] = histogram = new ValueHistogram();
        }

        histogram.Add(answer.Value);
        if (!_byRound.TryGetValue(key, out var rounds))
        {
            _byRound[key] = rounds = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        rounds[answer.RoundId] = rounds.GetValueOrDefault(answer.RoundId) + 1;
        if (!_respondents.TryGetValue((answer.PeriodId, answer.TeamId), out var users))
        {
            _respondents[(answer.PeriodId, answer.TeamId)] = users = new HashSet<string>(StringComparer.Ordinal);
        }

        users.Add(answer.UserId);
        Answers++;
    }

    /// <summary>An answer to a round still open: not counted, but its team is not one "without answers".</summary>
    public void AddOpen(ExportAnswer answer) => _open.Add((answer.PeriodId, answer.TeamId));

    /// <summary>Whether the team has answers in a round of the period that is still open.</summary>
    public bool HasOpenAnswers(string periodId, string teamId) => _open.Contains((periodId, teamId));

    /// <summary>The teams that answered anything in the period.</summary>
    public IEnumerable<string> TeamsOf(string periodId) =>
        _respondents.Keys.Where(key => key.PeriodId == periodId).Select(key => key.TeamId);

    /// <summary>The goals answered in the period, in any team.</summary>
    public IEnumerable<string> GoalsOf(string periodId) =>
        _byTeamGoal.Keys.Where(key => key.PeriodId == periodId).Select(key => key.GoalId).Distinct(StringComparer.Ordinal);

    public ValueHistogram For(string periodId, string teamId, string goalId) =>
        _byTeamGoal.GetValueOrDefault((periodId, teamId, goalId)) ?? new ValueHistogram();

    /// <summary>The answers to the goal per round of the team in the period (each round's card shows its own).</summary>
    public IReadOnlyList<int> RoundCounts(string periodId, string teamId, string goalId) =>
        _byRound.TryGetValue((periodId, teamId, goalId), out var rounds) ? [.. rounds.Values] : [];

    public long AnswersOf(string periodId) =>
        _byTeamGoal.Where(entry => entry.Key.PeriodId == periodId).Sum(entry => (long)entry.Value.Count);

    public int RespondentsOf(string periodId, string teamId) =>
        _respondents.GetValueOrDefault((periodId, teamId))?.Count ?? 0;
}
