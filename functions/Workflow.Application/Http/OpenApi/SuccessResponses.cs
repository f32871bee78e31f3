using Microsoft.OpenApi;
using Workflow.Application.Commands;
using Workflow.Application.Federal;
using Workflow.Application.Payments;

namespace Workflow.Application.Http.OpenApi;

/// <summary>
/// What each 2xx means, by the body it carries: a command's first answer (202, with its address in Location) and its
/// repeat (200), a submission, an exclusion proposal or confirmation, a webhook's delivery or record. Other 2xx keep
/// the generator's description.
/// </summary>
internal static class SuccessResponses
{
    static readonly Dictionary<(string Schema, string Status), string> Descriptions = new()
    {
        [(nameof(CommandAnswer), "202")] = "Recorded and raised on the workflow: its fate (pending, then accepted, or rejected with the reason) is at `commandUrl` (Location).",
        [(nameof(CommandAnswer), "200")] = "The same command again (same id, same content): the recorded answer (`repeated: true`), nothing raised; or a command recorded without a step on the workflow.",
        [(nameof(PermitApi.SubmissionAccepted), "202")] = "Registered: the application id, its status address (Location) and the fee due.",
        [(nameof(PermitApi.SubmissionAccepted), "200")] = "The same submission again (same applicant, submission id and content): the application it registered (`repeated: true`).",
        [(nameof(ExclusionReceipt), "202")] = "The proposal is recorded (Location: the exclusion); it applies once another manager or inspector confirms it.",
        [(nameof(ExclusionReceipt), "200")] = "Done, or the same request again (same id, same content), answered from its record.",
        [(nameof(Assignments.AssignmentAnswer), "200")] = "Done (`event` says what changed), or it already was so (`repeated: true`, nothing recorded): who holds the application now.",
        [(nameof(FederalHandlingResult), "202")] = "Delivered to the application's workflow.",
        [(nameof(FederalHandlingResult), "200")] = "Recorded without acting: a late message, or a message id already handled.",
        [(nameof(PaymentEventResult), "202")] = "Applied to the application's workflow: a confirmation or a reversal.",
        [(nameof(Withdrawals.WithdrawalReceipt), "202")] = "The finding is recorded and its withdrawal started (Location: the withdrawal): the employer is invited to be heard.",
        [(nameof(Withdrawals.WithdrawalReceipt), "200")] = "The same finding again (same id, same content): the withdrawal it started (`repeated: true`).",
        [(nameof(Withdrawals.WithdrawalCommandAnswer), "202")] = "Recorded and raised on the withdrawal's workflow (Location: the withdrawal, where its fate shows: pending, then accepted or rejected with the reason).",
        [(nameof(Withdrawals.WithdrawalCommandAnswer), "200")] = "The same command again (same id, same content): the recorded answer (`repeated: true`).",
        [(nameof(PaymentEventResult), "200")] = "Recorded without acting: a failure, an event the case does not take, or an event id already handled.",
    };

    public static void Describe(OpenApiOperation operation, OpenApiDocument document, bool isWebhook)
    {
        foreach ((string status, IOpenApiResponse response) in operation.Responses ?? [])
        {
            if (!status.StartsWith('2') || response is not OpenApiResponse inline)
            {
                continue;
            }

            string? schema = inline.Content?.Values.Select(c => (c.Schema as OpenApiSchemaReference)?.Reference.Id).FirstOrDefault(id => id is not null);
            if (schema is not null && Descriptions.TryGetValue((schema, status), out string? description))
            {
                inline.Description = description;
            }

            if (status == "202" && !isWebhook)
            {
                inline.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                inline.Headers[ApiComponents.LocationHeader] = ApiComponents.Header(document, ApiComponents.LocationHeader);
            }
        }
    }
}
