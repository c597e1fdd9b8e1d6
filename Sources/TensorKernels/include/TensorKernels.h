// TensorKit's row kernels: the elementwise tails of softmax, activations and fused linear layers.
//
// Written in C for one reason: Swift compiles a module for one instruction set (baseline x86-64,
// 4-wide SSE), while these loops want AVX-512 or AVX2 where the CPU has them. Each kernel is
// compiled three times (AVX-512, AVX2 + FMA, baseline) and an ifunc resolver picks the widest copy
// the CPU supports when the program loads. FMA is used only where the code asks for it, in every
// copy alike, so every copy gives the same bits.
//
// All pointers are to contiguous rows of `n` floats; `x` may equal `y` wherever both appear.
#ifndef TENSOR_KERNELS_H
#define TENSOR_KERNELS_H

#include <stddef.h>

/// y = exp(x) elementwise (Cephes expf: ≤ 2 ulp; exp(−∞) = 0, +∞ above 88.376, NaN stays NaN).
void tk_exp(const float *x, float *y, ptrdiff_t n);

/// y = softmax(x) = exp(x − max x) / Σ exp(x − max x). A row whose maximum is −∞ or NaN (every
/// entry masked) becomes NaN everywhere, as torch.softmax does.
void tk_softmax_row(const float *x, float *y, ptrdiff_t n);

/// y = (x − mean) / √(var + eps) · γ + β over one row (biased variance, two passes in float with
/// 16 partial sums), as nn.LayerNorm.
void tk_layer_norm_row(const float *x, float *y, const float *gamma, const float *beta, float eps, ptrdiff_t n);

/// y = GELU(y + b) with the exact form z·½·(1 + erf(z/√2)); erf by a rational approximation,
/// |error| ≤ 4.2e-7 (b may be NULL).
void tk_bias_gelu_erf(float *y, const float *b, ptrdiff_t n);

/// y = GELU(y + b) with the tanh form ½·z·(1 + tanh(√(2/π)·(z + 0.044715·z³))) (b may be NULL).
void tk_bias_gelu_tanh(float *y, const float *b, ptrdiff_t n);

/// y = QuickGELU(y + b) = z / (1 + exp(−1.702·z)), CLIP's activation (b may be NULL).
void tk_bias_quick_gelu(float *y, const float *b, ptrdiff_t n);

/// y = r + g ⊙ (y + b): a linear layer's output scaled (LayerScale) and added to the residual
/// stream r. b and g may be NULL (no bias; g = 1).
void tk_bias_scale_residual(float *y, const float *b, const float *g, const float *r, ptrdiff_t n);

#endif
