namespace Landrush.Harvest.Store;

/// <summary>What <see cref="IHarvestStore.SaveWhois"/> stored.</summary>
/// <param name="ReplyId">The reply's id (the reply is always kept, as evidence).</param>
/// <param name="Recorded">True when the reply's record became the name's record; false when it is no fact, or when
/// another answer (another worker's, whose lease came after this one expired) was stored first.</param>
public readonly record struct WhoisSaved(long ReplyId, bool Recorded);
