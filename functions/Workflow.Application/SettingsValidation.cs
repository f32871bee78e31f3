using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Federal;
using Workflow.Application.Http;
using Workflow.Application.Payments;
using Workflow.Application.Retention;

namespace Workflow.Application;

/// <summary>
/// Validates the application layer's settings when the host starts (<c>ValidateOnStart</c>), so a wrong value stops
/// the host with a message naming the setting instead of failing the first request that reads it. Both hosts call it;
/// the exclusion key and the rate limits are validated where they are registered.
/// </summary>
public static class SettingsValidation
{
    /// <summary>The longest replay window a signed callback may have: a longer one lets a captured call be replayed for long.</summary>
    public static readonly TimeSpan MaxReplayWindow = TimeSpan.FromHours(1);

    public static IServiceCollection AddSettingsValidation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<WorkflowSettings>()
            .Validate(s => s.PolicyDayLength > TimeSpan.Zero, $"{WorkflowSettings.Section}:{nameof(WorkflowSettings.PolicyDayLength)} must be longer than zero (1.00:00:00 in production, 00:00:05 for demos).")
            .Validate(s => s.SubmissionTakeOverAfter > TimeSpan.Zero, $"{WorkflowSettings.Section}:{nameof(WorkflowSettings.SubmissionTakeOverAfter)} must be longer than zero.")
            .Validate(s => s.MaxRequestBytes >= PermitApi.SmallBodyBytes, $"{WorkflowSettings.Section}:{nameof(WorkflowSettings.MaxRequestBytes)} must be at least {PermitApi.SmallBodyBytes} bytes (a command's body).")
            .ValidateOnStart();
        services.AddOptions<FederalWebhookSettings>()
            .Validate(s => IsBlankOrLongEnough(s.Secret), SecretProblem($"{FederalWebhookSettings.Section}:{nameof(FederalWebhookSettings.Secret)}"))
            .Validate(s => IsReplayWindow(s.ReplayWindow), ReplayWindowProblem($"{FederalWebhookSettings.Section}:{nameof(FederalWebhookSettings.ReplayWindow)}"))
            .ValidateOnStart();
        services.AddOptions<PaymentProviderSettings>()
            .Validate(s => IsBlankOrLongEnough(s.WebhookSecret), SecretProblem($"{PaymentProviderSettings.Section}:{nameof(PaymentProviderSettings.WebhookSecret)}"))
            .Validate(s => IsReplayWindow(s.ReplayWindow), ReplayWindowProblem($"{PaymentProviderSettings.Section}:{nameof(PaymentProviderSettings.ReplayWindow)}"))
            .ValidateOnStart();
        services.AddOptions<RetentionSettings>()
            .Validate(s => s.HistoryAfter > TimeSpan.Zero && s.DossierAfter > TimeSpan.Zero && s.Interval > TimeSpan.Zero, $"{RetentionSettings.Section}: HistoryAfter, DossierAfter and Interval must be longer than zero.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>A blank secret switches the callback off (every call refused, and said so); a short one is a mistake.</summary>
    static bool IsBlankOrLongEnough(string? secret) => string.IsNullOrEmpty(secret) || secret.Length >= WebhookSignature.MinSecretLength;

    static bool IsReplayWindow(TimeSpan window) => window > TimeSpan.Zero && window <= MaxReplayWindow;

    static string SecretProblem(string setting) =>
        $"{setting} is set but shorter than {WebhookSignature.MinSecretLength} characters; use a random secret of {WebhookSignature.MinSecretLength} or more (Key Vault in Azure), or leave it empty to refuse every callback.";

    static string ReplayWindowProblem(string setting) => $"{setting} must be longer than zero and at most {MaxReplayWindow}.";
}
