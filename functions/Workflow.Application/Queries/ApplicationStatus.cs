using System.Text.Json.Serialization;

namespace Workflow.Application.Queries;

/// <summary>
/// <c>GET /api/applications/{id}</c>: the view for the reader's audience, <see cref="ApplicationView"/> for staff or
/// <see cref="ApplicantView"/> for the applicant. The member <c>view</c> says which, so a client (and the OpenAPI
/// document's discriminator) can tell them apart.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "view")]
[JsonDerivedType(typeof(ApplicationView), "staff")]
[JsonDerivedType(typeof(ApplicantView), "applicant")]
public abstract record ApplicationStatus;
