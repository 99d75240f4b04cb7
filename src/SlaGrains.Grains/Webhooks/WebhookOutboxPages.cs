using System.Globalization;
using Orleans.Storage;

namespace SlaGrains.Grains.Webhooks;

/// <summary>
/// A webhook's pending deliveries, oldest first, in pages of at most <see cref="PageSize"/>, each page its own record
/// (<c>webhook-page-&lt;n&gt;</c>) read and written through the provider with its own etag, as a case's sealed runs are.
/// A notice is appended to the last page, so storing it rewrites one page (about 32 KB at most), not the whole outbox;
/// a result rewrites only the page that holds its delivery. A page that empties is cleared, and its number is reused
/// by a later page. The head (<see cref="WebhookState.Pages"/>) lists the live pages and is written after the pages it
/// lists or drops: a page opened but not yet listed is overwritten when its number is next opened, and a listed page
/// found empty when read is dropped from the head with its next write.
/// </summary>
public sealed class WebhookOutboxPages(IGrainStorage storage, GrainId grainId)
{
    public const int PageSize = 32;

    private readonly List<Page> _live = []; // oldest first
    private readonly Dictionary<int, GrainState<WebhookPage>> _spare = []; // emptied by this activation, with their etags
    private readonly Dictionary<string, Page> _where = new(StringComparer.Ordinal); // delivery id → its page

    public int Count => _where.Count;

    /// <summary>The live page numbers, for the head.</summary>
    public List<int> Numbers => [.. _live.Select(p => p.Number)];

    /// <summary>Every pending delivery, in the order they were stored.</summary>
    public IEnumerable<PendingDelivery> Deliveries => _live.SelectMany(p => p.Deliveries);

    public async Task Load(IEnumerable<int> numbers)
    {
        foreach (var number in numbers)
        {
            var record = await Read(number);
            if (record.State!.Deliveries.Count == 0)
            {
                _spare[number] = record; // closed, but the head that dropped it was not written
                continue;
            }
            var page = new Page(number, record);
            _live.Add(page);
            page.Deliveries.ForEach(d => _where[d.DeliveryId] = page);
        }
    }

    public bool Contains(string deliveryId) => _where.ContainsKey(deliveryId);

    public PendingDelivery? Find(string deliveryId) =>
        _where.TryGetValue(deliveryId, out var page) ? page.Deliveries.Find(d => d.DeliveryId == deliveryId) : null;

    /// <summary>Stores the delivery at the end of the last page; true when that opened a page (the head must list it).</summary>
    public async Task<bool> Append(PendingDelivery delivery)
    {
        var opened = _live.Count == 0 || _live[^1].Deliveries.Count >= PageSize;
        if (opened)
        {
            var number = Enumerable.Range(0, _live.Count + 1).First(n => !_live.Exists(p => p.Number == n));
            var record = _spare.Remove(number, out var spare) ? spare : await Read(number); // its etag, for the write
            record.State = new WebhookPage(); // what a page opened and never listed left there is not ours
            _live.Add(new Page(number, record));
        }
        var last = _live[^1];
        last.Deliveries.Add(delivery);
        _where[delivery.DeliveryId] = last;
        await Write(last);
        return opened;
    }

    /// <summary>Stores a delivery's next attempt in its place: only its own page is rewritten.</summary>
    public async Task Replace(PendingDelivery delivery)
    {
        var page = _where[delivery.DeliveryId];
        page.Deliveries[page.Deliveries.FindIndex(d => d.DeliveryId == delivery.DeliveryId)] = delivery;
        await Write(page);
    }

    /// <summary>Removes a delivery; true when that emptied (and cleared) its page (the head must drop it).</summary>
    public async Task<bool> Remove(string deliveryId)
    {
        if (!_where.Remove(deliveryId, out var page))
        {
            return false;
        }
        page.Deliveries.RemoveAll(d => d.DeliveryId == deliveryId);
        if (page.Deliveries.Count > 0)
        {
            await Write(page);
            return false;
        }
        _live.Remove(page);
        await storage.ClearStateAsync(Name(page.Number), grainId, page.Record);
        page.Record.State = new WebhookPage();
        _spare[page.Number] = page.Record;
        return true;
    }

    /// <summary>Drops every pending delivery, a page at a time (a deleted webhook's).</summary>
    public async Task Clear()
    {
        foreach (var page in _live.ToList())
        {
            foreach (var delivery in page.Deliveries)
            {
                _where.Remove(delivery.DeliveryId);
            }
            _live.Remove(page);
            await storage.ClearStateAsync(Name(page.Number), grainId, page.Record);
            page.Record.State = new WebhookPage();
            _spare[page.Number] = page.Record;
        }
    }

    private Task Write(Page page) => storage.WriteStateAsync(Name(page.Number), grainId, page.Record);

    private async Task<GrainState<WebhookPage>> Read(int number)
    {
        var record = new GrainState<WebhookPage>(new WebhookPage());
        await storage.ReadStateAsync(Name(number), grainId, record);
        record.State ??= new WebhookPage();
        return record;
    }

    private static string Name(int number) => "webhook-page-" + number.ToString(CultureInfo.InvariantCulture);

    private sealed record Page(int Number, GrainState<WebhookPage> Record)
    {
        public List<PendingDelivery> Deliveries => Record.State!.Deliveries;
    }
}
