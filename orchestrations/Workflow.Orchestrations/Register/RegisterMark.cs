namespace Workflow.Orchestrations.Register;

/// <summary>A withdrawal's mark on its authorisation in the register; <paramref name="WithdrawnOn"/> (a Belgian date) with <see cref="WithdrawalMark.Withdrawn"/> only.</summary>
public sealed record RegisterMark(string WithdrawalId, WithdrawalMark Mark, DateOnly? WithdrawnOn = null);
