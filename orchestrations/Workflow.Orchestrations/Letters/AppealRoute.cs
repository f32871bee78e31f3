using Workflow.Orchestrations.Policy;

namespace Workflow.Orchestrations.Letters;

/// <summary>How to appeal against a decision, in both languages, as the policy data states it (<see cref="AppealRouteEntry"/>).</summary>
public sealed record AppealRoute(string Dutch, string English)
{
    /// <summary>The route in force on the decision date; the policy data must have one.</summary>
    public static AppealRoute On(DateOnly decidedOn, PolicyCatalog policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        AppealRouteEntry entry = policy.AppealRouteOn(decidedOn)
            ?? throw new InvalidOperationException($"The policy data has no appeal route in force on {decidedOn:yyyy-MM-dd}.");
        return new AppealRoute(entry.Dutch, entry.English);
    }

    public string Text(LetterLanguage language) => language == LetterLanguage.Dutch ? this.Dutch : this.English;
}
