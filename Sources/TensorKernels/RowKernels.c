// Row kernels on 16 lanes (see TensorKernels.h for what each computes and README.md for why C).
//
// RowKernelBodies.h is compiled three times, for AVX-512, AVX2 + FMA and baseline x86-64, each copy
// with its own name suffix; an ifunc resolver picks one copy per kernel when the program loads.
#include "TensorKernels.h"

#include <math.h>
#include <string.h>

// The same operations in the same order in every copy: FMA only where the code asks for it, no
// reassociation.
#pragma clang fp contract(off)
// Every helper taking or returning a vector is always inlined, so no call passes one across the
// ABI that -Wpsabi warns about.
#pragma clang diagnostic ignored "-Wpsabi"

typedef float vf __attribute__((ext_vector_type(16)));
typedef int vi __attribute__((ext_vector_type(16)));
enum { LANES = 16 };
#define INLINE static inline __attribute__((always_inline))

#if defined(__x86_64__)
#define NS(name) name##_avx512
#pragma clang attribute push(__attribute__((target("avx512f"))), apply_to = function)
#include "RowKernelBodies.h"
#pragma clang attribute pop
#undef NS

#define NS(name) name##_avx2
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#include "RowKernelBodies.h"
#pragma clang attribute pop
#undef NS
#endif

#define NS(name) name##_baseline
#include "RowKernelBodies.h"
#undef NS

#if defined(__x86_64__)
/// `KERNEL` resolves at load time to the widest copy the CPU supports.
#define DISPATCH(KERNEL, TYPE)                                            \
    static TYPE resolve_##KERNEL(void) {                                  \
        __builtin_cpu_init();                                             \
        if (__builtin_cpu_supports("avx512f")) return KERNEL##_avx512;    \
        if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return KERNEL##_avx2; \
        return KERNEL##_baseline;                                         \
    }
#else
#define DISPATCH(KERNEL, TYPE) static TYPE resolve_##KERNEL(void) { return KERNEL##_baseline; }
#endif

typedef void (*unary_fn)(const float *, float *, ptrdiff_t);
typedef void (*biased_fn)(float *, const float *, ptrdiff_t);
typedef void (*norm_fn)(const float *, float *, const float *, const float *, float, ptrdiff_t);
typedef void (*residual_fn)(float *, const float *, const float *, const float *, ptrdiff_t);

DISPATCH(tk_exp, unary_fn)
DISPATCH(tk_softmax_row, unary_fn)
DISPATCH(tk_layer_norm_row, norm_fn)
DISPATCH(tk_bias_gelu_erf, biased_fn)
DISPATCH(tk_bias_gelu_tanh, biased_fn)
DISPATCH(tk_bias_quick_gelu, biased_fn)
DISPATCH(tk_bias_scale_residual, residual_fn)

void tk_exp(const float *, float *, ptrdiff_t) __attribute__((ifunc("resolve_tk_exp")));
void tk_softmax_row(const float *, float *, ptrdiff_t) __attribute__((ifunc("resolve_tk_softmax_row")));
void tk_layer_norm_row(const float *, float *, const float *, const float *, float, ptrdiff_t)
    __attribute__((ifunc("resolve_tk_layer_norm_row")));
void tk_bias_gelu_erf(float *, const float *, ptrdiff_t) __attribute__((ifunc("resolve_tk_bias_gelu_erf")));
void tk_bias_gelu_tanh(float *, const float *, ptrdiff_t) __attribute__((ifunc("resolve_tk_bias_gelu_tanh")));
void tk_bias_quick_gelu(float *, const float *, ptrdiff_t) __attribute__((ifunc("resolve_tk_bias_quick_gelu")));
void tk_bias_scale_residual(float *, const float *, const float *, const float *, ptrdiff_t)
    __attribute__((ifunc("resolve_tk_bias_scale_residual")));
