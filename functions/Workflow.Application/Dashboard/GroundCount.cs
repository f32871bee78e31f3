namespace Workflow.Application.Dashboard;

/// <summary>How many refusals and inadmissibility decisions cite a ground (code); a decision citing two counts for each.</summary>
public sealed record GroundCount(string Ground, int Count);
