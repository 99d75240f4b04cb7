using SlaGrains.Domain.Validation;

namespace SlaGrains.Domain.People;

public static class UserValidator
{
    public const int MaxQueues = 100;
    public const int MaxEmailLength = 254; // RFC 5321's limit on a path

    public static ValidationErrors Validate(UserDefinition user, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(user.Name))
        {
            errors.Add("name", "Give the user's name, as people see it (\"Ana Ruiz\").");
        }
        errors.Text("name", user.Name, limits.MaxTextLength);
        if (string.IsNullOrWhiteSpace(user.Email))
        {
            errors.Add("email", "Give the user's email address.");
        }
        else if (user.Email.Length > MaxEmailLength)
        {
            errors.Add("email", $"At most {MaxEmailLength} characters.");
        }
        else if (!LooksLikeEmail(user.Email))
        {
            errors.Add("email", "An email address has one @ with text on both sides and no spaces (ana@example.com).");
        }
        if (user.Role is null)
        {
            errors.Add("role", "Give the role: agent, supervisor or admin.");
        }
        if (user.Queues is { } queues && errors.Count("queues", queues.Count, MaxQueues, "queues"))
        {
            for (var i = 0; i < queues.Count; i++)
            {
                if (queues[i] is null)
                {
                    errors.Add($"queues[{i}]", "A queue name cannot be null.");
                }
                errors.QueueName($"queues[{i}]", queues[i]);
            }
        }
        return errors;
    }

    // Deliverability is the mail system's to judge; this only catches what is plainly not an address.
    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
    }
}
