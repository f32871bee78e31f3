using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Orchestrations.Cases;

/// <summary>What moves a case on: a message from a person or a party, the passing of time, or the result of work.</summary>
public abstract record CaseInput;

/// <summary>A message arrived (an external event): a command of the applicant or the caseworker, the federal office, a payment.</summary>
public sealed record MessageReceived(PermitMessage Message) : CaseInput;

/// <summary>The time the workflow waited for has come: milestones and deadlines fall due.</summary>
public sealed record TimeReached : CaseInput
{
    public static TimeReached Instance { get; } = new();
}

/// <summary>The authentic sources were read into the one-view.</summary>
public sealed record SourcesRead(SourcesGathered Gathered) : CaseInput;

/// <summary>Admissibility was checked on the one-view.</summary>
public sealed record AdmissibilityChecked(AdmissibilityFindings Findings) : CaseInput;

/// <summary>The rules and fraud signals were assessed (again).</summary>
public sealed record Assessed(AssessmentSummary Summary) : CaseInput;

/// <summary>The decision letter is in the dossier.</summary>
public sealed record LetterIssued(string Letter) : CaseInput;
