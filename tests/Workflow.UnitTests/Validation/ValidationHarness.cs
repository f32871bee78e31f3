using Workflow.Application.Submissions;
using Workflow.Application.Validation;
using Workflow.UnitTests.Support;

namespace Workflow.UnitTests.Validation;

/// <summary>Runs the submission validator at <see cref="Samples.Now"/> and exposes the errors per field path.</summary>
internal static class ValidationHarness
{
    public static (ValidatedSubmission? Result, Dictionary<string, string[]> Errors) Validate(SubmitApplicationRequest request)
    {
        var errors = new ValidationErrors();
        ValidatedSubmission? result = SubmissionValidator.Validate(request, Samples.Now, errors);
        return (result, errors.ToDictionary());
    }

    /// <summary>Asserts the request is valid and returns what the validator made of it.</summary>
    public static ValidatedSubmission AssertValid(SubmitApplicationRequest request)
    {
        (ValidatedSubmission? result, Dictionary<string, string[]> errors) = Validate(request);
        Assert.True(errors.Count == 0, "unexpected errors: " + Describe(errors));
        Assert.NotNull(result);
        return result;
    }

    /// <summary>Asserts the request is rejected with errors on exactly the given field paths.</summary>
    public static void AssertRejected(SubmitApplicationRequest request, params string[] fields)
    {
        (ValidatedSubmission? result, Dictionary<string, string[]> errors) = Validate(request);
        Assert.Null(result);
        Assert.True(
            errors.Keys.Order(StringComparer.Ordinal).SequenceEqual(fields.Order(StringComparer.Ordinal), StringComparer.Ordinal),
            $"expected errors on [{string.Join(", ", fields)}], got: {Describe(errors)}");
        Assert.All(errors.Values, messages => Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m))));
    }

    static string Describe(Dictionary<string, string[]> errors) =>
        errors.Count == 0 ? "none" : string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" | ", e.Value)}"));
}
