import pulumi
import pulumi_zenlayer as zenlayer

config = pulumi.Config()

# A lookup: runs in preview too, and fails naming the id if Zenlayer has no such instance.
instance = zenlayer.zec.get_instance_output(instance_id=config.require("instanceId"))

nic = zenlayer.zec.NetworkInterface(
    "app-nic",
    name="app-nic",
    subnet_id=config.require("subnetId"),
)

attachment = zenlayer.zec.NetworkInterfaceAttachment(
    "app-nic-attachment",
    nic_id=nic.nic_id,
    instance_id=instance.instance_id,
    # Bounds the detach on `pulumi destroy`; Ctrl-C stops the wait within a second either way.
    opts=pulumi.ResourceOptions(custom_timeouts=pulumi.CustomTimeouts(delete="5m")),
)

pulumi.export("instanceStatus", instance.status)
pulumi.export("primaryIpv4", attachment.primary_ipv4)
