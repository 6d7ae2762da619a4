"""A linear-chain CRF tagger in numpy over a CRFsuite model file (issue 20: the names' top cost).

CRFsuite (through pycrfsuite) trains the model; this module only reads its file and tags with it, as
CRFsuite's 1st-order tagger does (crf1d_tag.c, crf1d_context.c):
- a token's score for each label is the sum of weight * value over its attributes, added in the
  order the attributes come (CRFsuite's order, so the same sums);
- tags are the Viterbi path over those scores and the transition weights (ties to the lower label id,
  as CRFsuite's strict '<');
- marginals come from the scaled forward-backward pass (alpha * beta / scale), in floating point
  that may differ from CRFsuite's in the last bits (about 1e-15).
Sentences are tagged in batches (padded to the longest), so a document costs a few hundred numpy
calls instead of a CRFsuite call per sentence and a dictionary lookup per attribute and token.

    crf = CRF.load("model.crfsuite")
    tags, marginals = crf.tag([{b"w:x": 1.0, b"len": 3}, ...])     # one sentence of attribute dicts
"""
from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")   # crf1dm.c header_t
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])


class ModelError(ValueError):
    """A file that is not a CRFsuite 1st-order CRF model this reader understands."""


def _cqdb_keys(buf: bytes, off: int, path) -> list[bytes]:
    """The keys of a CQDB chunk in id order (its backward array: id -> record offset)."""
    try:
        cid, _size, _flag, _order, n, boff = struct.unpack_from("<4sIIIII", buf, off)
        if cid != b"CQDB":
            raise ModelError(f"{path}: no CQDB chunk at byte {off}")
        keys = []
        for i, rec in enumerate(struct.unpack_from(f"<{n}I", buf, off + boff)):
            rid, ksize = struct.unpack_from("<II", buf, off + rec)
            if rid != i or ksize < 1:
                raise ModelError(f"{path}: CQDB record {i} at byte {off + rec} is damaged")
            keys.append(buf[off + rec + 8:off + rec + 7 + ksize])    # ksize counts the trailing NUL
        return keys
    except struct.error as e:
        raise ModelError(f"{path}: truncated CQDB chunk at byte {off} ({e})") from None


class CRF:
    """The weights of a CRFsuite model: labels, attribute ids, state weights (attributes x labels, with
    one zero row at the end for padding) and transition weights (labels x labels)."""

    def __init__(self, labels: list[str], attributes: list[bytes], state: np.ndarray, trans: np.ndarray):
        self.labels = list(labels)
        self.label_index = {t: i for i, t in enumerate(self.labels)}
        self.attr_index = {a: i for i, a in enumerate(attributes)}
        self.pad = len(attributes)                  # the id of the zero row
        self.state = state
        self.trans = trans
        self.exp_trans = np.exp(trans)

    @classmethod
    def load(cls, path) -> "CRF":
        path = Path(path)
        try:
            buf = path.read_bytes()
        except OSError as e:
            raise ModelError(f"{path}: cannot read the CRF model ({e.strerror})") from None
        if len(buf) < _HEADER.size:
            raise ModelError(f"{path}: {len(buf)} bytes, too short for a CRFsuite model")
        (magic, size, mtype, _ver, _nf, n_labels, n_attrs, off_feat, off_labels, off_attrs,
         _off_lrefs, _off_arefs) = _HEADER.unpack_from(buf)
        if magic != b"lCRF" or mtype != b"FOMC":
            raise ModelError(f"{path}: not a CRFsuite 1st-order CRF model (magic {magic!r}, type {mtype!r})")
        if size != len(buf):
            raise ModelError(f"{path}: the header says {size} bytes, the file has {len(buf)} (truncated?)")
        try:
            chunk, _csize, n_feat = struct.unpack_from("<4sII", buf, off_feat)
        except struct.error:
            raise ModelError(f"{path}: the feature chunk's offset {off_feat} is past the end") from None
        if chunk != b"FEAT" or off_feat + 12 + n_feat * _FEATURE.itemsize > len(buf):
            raise ModelError(f"{path}: no feature chunk of {n_feat} features at byte {off_feat}")
        feats = np.frombuffer(buf, dtype=_FEATURE, count=n_feat, offset=off_feat + 12)
        try:
            labels = [k.decode("utf-8") for k in _cqdb_keys(buf, off_labels, path)]
        except UnicodeDecodeError:
            raise ModelError(f"{path}: a label is not UTF-8") from None
        attrs = _cqdb_keys(buf, off_attrs, path)
        if len(labels) != n_labels or len(attrs) != n_attrs:
            raise ModelError(f"{path}: {len(labels)} labels and {len(attrs)} attributes stored, "
                             f"the header says {n_labels} and {n_attrs}")
        st, tr = feats[feats["type"] == 0], feats[feats["type"] == 1]
        if len(st) + len(tr) != n_feat or (len(st) and (st["src"].max() >= n_attrs or st["dst"].max() >= n_labels)) \
                or (len(tr) and max(tr["src"].max(), tr["dst"].max()) >= n_labels):
            raise ModelError(f"{path}: a feature of an unknown type, attribute or label")
        state = np.zeros((n_attrs + 1, n_labels))
        state[st["src"], st["dst"]] = st["weight"]       # one feature per (attribute, label)
        trans = np.zeros((n_labels, n_labels))
        trans[tr["src"], tr["dst"]] = tr["weight"]
        return cls(labels, attrs, state, trans)

    # ------------------------------------------------------------------ scores
    def row(self, items: dict) -> np.ndarray:
        """One token's label scores from its attributes {bytes: value}, added in their order; attributes
        the model lacks are skipped (as CRFsuite drops them)."""
        out = np.zeros(len(self.labels))
        for a, v in items.items():
            i = self.attr_index.get(a)
            if i is not None:
                out += self.state[i] * v
        return out

    def scores(self, seq: list[dict]) -> np.ndarray:
        """Label scores of a sentence of attribute dicts: (tokens, labels)."""
        return np.array([self.row(x) for x in seq]).reshape(len(seq), len(self.labels))

    # ------------------------------------------------------------------ decoding
    def decode(self, scores: list[np.ndarray]) -> tuple[list[list[int]], np.ndarray]:
        """Viterbi label ids and marginals (batch, max length, labels) of several sentences' scores."""
        L = len(self.labels)
        lens = np.array([len(s) for s in scores], dtype=np.intp)
        S = np.zeros((len(scores), int(lens.max()) if len(lens) else 0, L))
        for b, s in enumerate(scores):
            S[b, :len(s)] = s
        return self.decode_padded(S, lens)

    def decode_padded(self, S: np.ndarray, lens: np.ndarray) -> tuple[list[list[int]], np.ndarray]:
        """decode() of scores already padded: S (batch, max length, labels), lens (batch,) all >= 1."""
        return self.viterbi(S, lens), self.marginals(S, lens)

    def viterbi(self, S: np.ndarray, lens: np.ndarray) -> list[list[int]]:
        """The best label ids of each sentence of padded scores S (batch, max length, labels)."""
        n, T, L = S.shape
        if not n:
            return []
        back = np.empty((T, n, L), dtype=np.intp)                       # back[t, b, to] = from
        hist = np.empty((T, n, L))
        hist[0] = S[:, 0]
        St = S.transpose(1, 0, 2)
        trans_t = np.ascontiguousarray(self.trans.T)
        cand = np.empty((n, L, L))                                      # (batch, to, from)
        rows = cand.reshape(n * L, L)
        every = np.arange(n * L)
        for t in range(1, T):
            np.add(hist[t - 1][:, None, :], trans_t, out=cand)
            cand.argmax(axis=2, out=back[t])                           # first maximum: CRFsuite's strict '<'
            # the maximum by its index (faster than max(axis=2) over rows of a few labels)
            np.add(rows[every, back[t].reshape(-1)].reshape(n, L), St[t], out=hist[t])
        ar = np.arange(n)
        ends = lens - 1
        best = hist[ends, ar].argmax(axis=1)
        out = np.empty((n, T), dtype=np.intp)
        cur = best
        for t in range(T - 1, 0, -1):                                  # each sentence from its own last token
            cur = np.where(ends == t, best, cur)
            out[:, t] = cur
            cur = back[t, ar, cur]
        out[:, 0] = np.where(ends == 0, best, cur)
        return [row[:k] for row, k in zip(out.tolist(), lens.tolist())]

    def marginals(self, S: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """P(label at t) of each sentence of padded scores: (batch, max length, labels); CRFsuite's scaled
        forward-backward (crf1dc_alpha_score, crf1dc_beta_score, crf1dc_marginal_point)."""
        n, T, L = S.shape
        E = np.exp(S)
        alpha = np.empty((n, T, L))
        scale = np.empty((n, T, 1))
        cur = E[:, 0]
        ones = np.ones((L, 1))
        for t in range(T):
            if t:
                cur = (alpha[:, t - 1] @ self.exp_trans) * E[:, t]
            s = cur @ ones                                              # sums of rows (faster than sum(axis=1))
            s[s == 0.0] = 1.0                                           # CRFsuite: a zero sum is not scaled
            sc = scale[:, t] = 1.0 / s
            alpha[:, t] = cur * sc
        beta = np.zeros((n, T, L))
        beta[np.arange(n), lens - 1] = scale[np.arange(n), lens - 1]    # each sentence's last token
        ends = lens - 1
        shortest = int(ends.min()) if n else 0                          # every sentence goes on past t < shortest
        exp_trans_t = self.exp_trans.T
        for t in range(T - 2, -1, -1):
            cur = ((beta[:, t + 1] * E[:, t + 1]) @ exp_trans_t) * scale[:, t]
            if t < shortest:
                beta[:, t] = cur
            else:
                inside = ends > t
                beta[inside, t] = cur[inside]
        return alpha * beta / scale

    def tag(self, seq: list[dict]) -> tuple[list[str], np.ndarray]:
        """Tags and marginals (tokens, labels) of one sentence of attribute dicts."""
        if not seq:
            return [], np.zeros((0, len(self.labels)))
        paths, marg = self.decode([self.scores(seq)])
        return [self.labels[k] for k in paths[0]], marg[0, :len(seq)]
