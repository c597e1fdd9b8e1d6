// libjpeg reports errors by calling `error_exit`, which by default ends the process. This shim
// replaces it with a longjmp back into `vlm_jpeg_decode_rgb`, the only way to recover in C, and
// treats libjpeg's warnings (e.g. "Premature end of JPEG file") as errors too.
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

struct vlm_jpeg_error {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

static void vlm_jpeg_fail(j_common_ptr info) {
    struct vlm_jpeg_error *error = (struct vlm_jpeg_error *)info->err;
    (*info->err->format_message)(info, error->message);
    longjmp(error->jump, 1);
}

static void vlm_jpeg_emit(j_common_ptr info, int level) {
    if (level < 0) vlm_jpeg_fail(info);  // a warning: corrupt or truncated data
}

/// Decodes the JPEG in `data[0..<size]` to 8-bit RGB rows (`width * height * 3` bytes, malloc'ed:
/// the caller frees it). Returns NULL on failure with libjpeg's message in `message` (JMSG_LENGTH_MAX).
static inline unsigned char *vlm_jpeg_decode_rgb(const unsigned char *data, unsigned long size,
                                                 int *width, int *height, char *message) {
    struct jpeg_decompress_struct info;
    struct vlm_jpeg_error error;
    unsigned char *volatile pixels = NULL;
    info.err = jpeg_std_error(&error.base);
    error.base.error_exit = vlm_jpeg_fail;
    error.base.emit_message = vlm_jpeg_emit;
    if (setjmp(error.jump)) {
        strncpy(message, error.message, JMSG_LENGTH_MAX);
        jpeg_destroy_decompress(&info);
        free(pixels);
        return NULL;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, size);
    jpeg_read_header(&info, TRUE);
    info.out_color_space = JCS_RGB;
    jpeg_start_decompress(&info);
    size_t stride = (size_t)info.output_width * 3;
    pixels = malloc(stride * info.output_height);
    if (pixels == NULL) {
        strncpy(message, "out of memory", JMSG_LENGTH_MAX);
        jpeg_destroy_decompress(&info);
        return NULL;
    }
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = pixels + stride * info.output_scanline;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    *width = (int)info.output_width;
    *height = (int)info.output_height;
    jpeg_destroy_decompress(&info);
    return pixels;
}
