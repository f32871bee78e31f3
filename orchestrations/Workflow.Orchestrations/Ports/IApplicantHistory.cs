namespace Workflow.Orchestrations.Ports;

/// <summary>What the platform itself knows of an applicant's earlier applications (the economic-hub signal, §2.1).</summary>
public interface IApplicantHistory
{
    /// <summary>Applications the applicant (KBO number, or self-employed reference) submitted since <paramref name="since"/>.</summary>
    Task<int> CountApplicationsAsync(string applicantKey, DateTimeOffset since, CancellationToken cancellationToken);
}
