// The kernels' bodies, included once per instruction set by RowKernels.c with `NS(name)` adding
// the set's suffix and a `#pragma clang attribute` giving every function here the set's target.
// Vectors are 16 lanes (one AVX-512 register, two AVX2 ones, four SSE ones).

/// The first `count` (≤ 16) floats at `p`, the other lanes set to `fill`.
INLINE vf NS(load)(const float *p, ptrdiff_t count, float fill) {
    vf v;
    if (count == LANES) {
        memcpy(&v, p, sizeof v);
    } else {
        float lanes[LANES];
        for (int j = 0; j < LANES; j++) lanes[j] = j < count ? p[j] : fill;
        memcpy(&v, lanes, sizeof v);
    }
    return v;
}

/// Stores the first `count` (≤ 16) lanes of `v` at `p`.
INLINE void NS(store)(float *p, vf v, ptrdiff_t count) {
    if (count == LANES) {
        memcpy(p, &v, sizeof v);
    } else {
        float lanes[LANES];
        memcpy(lanes, &v, sizeof v);
        memcpy(p, lanes, (size_t)count * sizeof(float));
    }
}

/// Lane by lane: `mask ? a : b` (mask lanes are all ones or all zeros, as comparisons give).
INLINE vf NS(select)(vi mask, vf a, vf b) { return (vf)(((vi)a & mask) | ((vi)b & ~mask)); }

/// a·b + c with one rounding (an instruction with AVX2/AVX-512, libm's fmaf per lane on baseline
/// x86-64), so every copy gives the same bits.
INLINE vf NS(fma)(vf a, vf b, vf c) { return __builtin_elementwise_fma(a, b, c); }

INLINE ptrdiff_t NS(lanes_from)(ptrdiff_t i, ptrdiff_t n) { return n - i < LANES ? n - i : LANES; }

/// Cephes expf: exp(x) = 2ⁿ·exp(r), n = round(x·log₂e), r = x − n·ln2 (ln2 in two parts),
/// exp(r) ≈ 1 + r + r²·P(r) with a degree-5 P.
INLINE vf NS(exp16)(vf x) {
    const float hi = 88.3762626647949f, lo = -87.3365447505531f;
    vf v = NS(select)(x < lo, (vf)lo, x);
    v = NS(select)(v > hi, (vf)hi, v);
    // n = round(v·log₂e): adding 1.5·2²³ rounds to an integer held in the low mantissa bits.
    vf shifted = v * 1.44269504088896341f + 12582912.0f;
    vf n = shifted - 12582912.0f;
    v = NS(fma)(-n, 0.693359375f, v);
    v = NS(fma)(-n, -2.12194440e-4f, v);
    vf p = 1.9875691500e-4f;
    p = NS(fma)(p, v, 1.3981999507e-3f);
    p = NS(fma)(p, v, 8.3334519073e-3f);
    p = NS(fma)(p, v, 4.1665795894e-2f);
    p = NS(fma)(p, v, 1.6666665459e-1f);
    p = NS(fma)(p, v, 5.0000001201e-1f);
    p = NS(fma)(p, v * v, v) + 1.0f;
    vi k = (vi)shifted - 0x4B400000;                    // n as an integer
    vf result = p * (vf)((k + 127) << 23);             // p · 2ⁿ
    result = NS(select)(x < lo, (vf)0.0f, result);
    return NS(select)(x > hi, (vf)INFINITY, result);
}

/// erf(x) ≈ x·P(x²)/Q(x²) on x clamped to ±4 (|error| ≤ 4.2e-7).
INLINE vf NS(erf16)(vf x) {
    x = NS(select)(x > 4.0f, (vf)4.0f, x);
    x = NS(select)(x < -4.0f, (vf)-4.0f, x);
    vf x2 = x * x;
    vf p = -2.72614225801306e-10f;
    p = NS(fma)(p, x2, 2.77068142495902e-08f);
    p = NS(fma)(p, x2, -2.10102402082508e-06f);
    p = NS(fma)(p, x2, -5.69250639462346e-05f);
    p = NS(fma)(p, x2, -7.34990630326855e-04f);
    p = NS(fma)(p, x2, -2.95459980854025e-03f);
    p = NS(fma)(p, x2, -1.60960333262415e-02f);
    vf q = -1.45660718464996e-05f;
    q = NS(fma)(q, x2, -2.13374055278905e-04f);
    q = NS(fma)(q, x2, -1.68282697438203e-03f);
    q = NS(fma)(q, x2, -7.37332916720468e-03f);
    q = NS(fma)(q, x2, -1.42647390514189e-02f);
    return x * p / q;
}

/// tanh(u) = 1 − 2 / (e^{2u} + 1): ±1 in the limits, absolute error ~1e-7 near 0.
INLINE vf NS(tanh16)(vf u) { return 1.0f - 2.0f / (NS(exp16)(u + u) + 1.0f); }

/// y[i…i+count) + b[i…i+count), or just y when there is no bias.
INLINE vf NS(biased)(const float *y, const float *b, ptrdiff_t i, ptrdiff_t count) {
    vf z = NS(load)(y + i, count, 0.0f);
    return b ? z + NS(load)(b + i, count, 0.0f) : z;
}

void NS(tk_exp)(const float *x, float *y, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i += LANES) {
        ptrdiff_t count = NS(lanes_from)(i, n);
        NS(store)(y + i, NS(exp16)(NS(load)(x + i, count, 0.0f)), count);
    }
}

void NS(tk_softmax_row)(const float *x, float *y, ptrdiff_t n) {
    ptrdiff_t body = n - n % LANES, tail = n - body;
    vf padded = NS(load)(x + body, tail, -INFINITY);        // exp(−∞ − max) is exactly 0
    vf vmax = padded;
    for (ptrdiff_t i = 0; i < body; i += LANES) {
        vf v = NS(load)(x + i, LANES, 0.0f);
        vmax = NS(select)(v > vmax, v, vmax);
    }
    float m = vmax[0];
    for (int j = 1; j < LANES; j++) m = (vmax[j] > m || vmax[j] != vmax[j]) ? vmax[j] : m;
    if (m == -INFINITY || m != m) {
        for (ptrdiff_t i = 0; i < n; i++) y[i] = NAN;
        return;
    }
    vf sums = 0.0f;
    for (ptrdiff_t i = 0; i < body; i += LANES) {
        vf e = NS(exp16)(NS(load)(x + i, LANES, 0.0f) - m);
        NS(store)(y + i, e, LANES);
        sums += e;
    }
    vf tailExp = NS(exp16)(padded - m);
    sums += tailExp;
    float total = 0.0f;
    for (int j = 0; j < LANES; j++) total += sums[j];
    float scale = 1.0f / total;
    for (ptrdiff_t i = 0; i < body; i += LANES) NS(store)(y + i, NS(load)(y + i, LANES, 0.0f) * scale, LANES);
    NS(store)(y + body, tailExp * scale, tail);
}

void NS(tk_layer_norm_row)(const float *x, float *y, const float *gamma, const float *beta, float eps, ptrdiff_t n) {
    if (n <= 0) return;
    vf sums = 0.0f;
    for (ptrdiff_t i = 0; i < n; i += LANES) sums += NS(load)(x + i, NS(lanes_from)(i, n), 0.0f);
    float total = 0.0f;
    for (int j = 0; j < LANES; j++) total += sums[j];
    float mean = total / (float)n;
    vf squares = 0.0f;
    for (ptrdiff_t i = 0; i < n; i += LANES) {
        ptrdiff_t count = NS(lanes_from)(i, n);
        vf d = NS(load)(x + i, count, mean) - mean;       // padding lanes give d = 0
        squares = NS(fma)(d, d, squares);
    }
    float variance = 0.0f;
    for (int j = 0; j < LANES; j++) variance += squares[j];
    float inverse = 1.0f / sqrtf(variance / (float)n + eps);
    for (ptrdiff_t i = 0; i < n; i += LANES) {
        ptrdiff_t count = NS(lanes_from)(i, n);
        vf normalised = (NS(load)(x + i, count, 0.0f) - mean) * inverse;
        NS(store)(y + i, NS(fma)(normalised, NS(load)(gamma + i, count, 0.0f), NS(load)(beta + i, count, 0.0f)), count);
    }
}

void NS(tk_bias_gelu_erf)(float *y, const float *b, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i += LANES) {
        ptrdiff_t count = NS(lanes_from)(i, n);
        vf z = NS(biased)(y, b, i, count);
        NS(store)(y + i, z * 0.5f * (1.0f + NS(erf16)(z * 0.70710678118654752f)), count);
    }
}

void NS(tk_bias_gelu_tanh)(float *y, const float *b, ptrdiff_t n) {
    const float k = 0.7978845608028654f;                // √(2/π)
    for (ptrdiff_t i = 0; i < n; i += LANES) {
        ptrdiff_t count = NS(lanes_from)(i, n);
        vf z = NS(biased)(y, b, i, count);
        NS(store)(y + i, 0.5f * z * (1.0f + NS(tanh16)(k * (z + 0.044715f * z * z * z))), count);
    }
}

void NS(tk_bias_quick_gelu)(float *y, const float *b, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i += LANES) {
        ptrdiff_t count = NS(lanes_from)(i, n);
        vf z = NS(biased)(y, b, i, count);
        NS(store)(y + i, z / (1.0f + NS(exp16)(-1.702f * z)), count);
    }
}

void NS(tk_bias_scale_residual)(float *y, const float *b, const float *g, const float *r, ptrdiff_t n) {
    for (ptrdiff_t i = 0; i < n; i += LANES) {
        ptrdiff_t count = NS(lanes_from)(i, n);
        vf z = NS(biased)(y, b, i, count);
        if (g) z = NS(load)(g + i, count, 0.0f) * z;
        NS(store)(y + i, NS(load)(r + i, count, 0.0f) + z, count);
    }
}
