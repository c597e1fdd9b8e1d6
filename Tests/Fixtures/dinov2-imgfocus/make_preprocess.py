"""Makes dinov2-imgfocus/preprocess_coffee.safetensors: transformers' slow BitImageProcessor with
facebook/dinov2-small's settings (shortest edge 256, BICUBIC, centre crop 224, ImageNet mean/std) on
scikit-image's coffee.png. Usage: python3 make_preprocess.py COFFEE_PNG OUT"""
import sys
import numpy as np, torch, transformers
from PIL import Image
from safetensors.torch import save_file
processor = transformers.BitImageProcessor(do_resize=True, size={"shortest_edge": 256}, resample=3, do_center_crop=True,
                                           crop_size={"height": 224, "width": 224}, do_rescale=True, rescale_factor=1/255,
                                           do_normalize=True, image_mean=[0.485, 0.456, 0.406],
                                           image_std=[0.229, 0.224, 0.225], do_convert_rgb=True)
pixels = processor(Image.open(sys.argv[1]), return_tensors="pt")["pixel_values"]
save_file({"pixel_values": pixels.contiguous()}, sys.argv[2],
          metadata={"cell": "BitImageProcessor (dinov2-small settings) on coffee.png", "transformers": transformers.__version__})
print(pixels.shape, pixels.dtype)
