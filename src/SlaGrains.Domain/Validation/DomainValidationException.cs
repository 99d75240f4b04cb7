namespace SlaGrains.Domain.Validation;

/// <summary>Raised when code builds an engine object from a definition it did not validate first.</summary>
public sealed class DomainValidationException : Exception
{
    public DomainValidationException(string what, ValidationErrors errors)
        : base($"Invalid {what}: {errors}")
    {
        Errors = errors;
    }

    public DomainValidationException()
    {
        Errors = new ValidationErrors();
    }

    public DomainValidationException(string message) : base(message)
    {
        Errors = new ValidationErrors();
    }

    public DomainValidationException(string message, Exception innerException) : base(message, innerException)
    {
        Errors = new ValidationErrors();
    }

    public ValidationErrors Errors { get; }
}
