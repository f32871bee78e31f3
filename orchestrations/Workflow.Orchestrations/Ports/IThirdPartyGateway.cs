namespace Workflow.Orchestrations.Ports;

/// <summary>What the department asks a third party, during the assessment.</summary>
public enum ThirdPartyKind
{
    /// <summary>Authentication of a diploma or of work experience when there is doubt (§2.1, art. 63 BVR).</summary>
    DocumentAuthentication,

    /// <summary>Advice of the Information and Screening Service on a minister of religion (§2.7).</summary>
    ScreeningAdvice,
}

/// <summary>Who is asked (§2.1: the public employment service, a government service, or the diplomatic or consular post; §2.7: the screening service).</summary>
public enum ThirdPartyAuthority
{
    PublicEmploymentService,
    GovernmentService,
    DiplomaticPost,
    InformationAndScreeningService,
}

/// <summary>The answers a third party gives.</summary>
public enum ThirdPartyAnswer
{
    /// <summary>Authentication: the document is authentic.</summary>
    Authentic,

    /// <summary>Authentication: the document is false or unlawfully obtained (supports the ground false-documents, §2.1).</summary>
    False,

    /// <summary>Authentication: no conclusion could be reached.</summary>
    Inconclusive,

    /// <summary>Screening advice: no objection.</summary>
    Favourable,

    /// <summary>Screening advice: objections (the advice is in the dossier).</summary>
    Unfavourable,
}

/// <summary>A request to a third party; <paramref name="IdempotencyKey"/> makes sure it is sent once. Deadline in policy time.</summary>
public sealed record ThirdPartyRequest(
    string IdempotencyKey,
    string ApplicationId,
    string RequestId,
    ThirdPartyKind Kind,
    ThirdPartyAuthority Authority,
    string? DocumentType,
    DateTimeOffset Deadline);

/// <summary>Sends requests to third parties (in reality: letters to foreign posts, the VDAB, the screening service).</summary>
public interface IThirdPartyGateway
{
    Task SendAsync(ThirdPartyRequest request, CancellationToken cancellationToken);
}
