// A secondary NIC in a subnet, attached to an instance found with a lookup, through the zenlayer
// provider plugin: the program of examples/yaml and examples/typescript-native, in Go.
package main

import (
	"github.com/pulumi-zenlayer/pulumi-zenlayer/sdk/go/zenlayer/zec"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")

		// A lookup: runs in preview too, and fails naming the id if Zenlayer has no such instance.
		instance := zec.GetInstanceOutput(ctx, zec.GetInstanceOutputArgs{
			InstanceId: pulumi.String(cfg.Require("instanceId")),
		})

		nic, err := zec.NewNetworkInterface(ctx, "app-nic", &zec.NetworkInterfaceArgs{
			Name:     pulumi.String("app-nic"),
			SubnetId: pulumi.String(cfg.Require("subnetId")),
		})
		if err != nil {
			return err
		}

		attachment, err := zec.NewNetworkInterfaceAttachment(ctx, "app-nic-attachment",
			&zec.NetworkInterfaceAttachmentArgs{
				NicId:      nic.NicId,
				InstanceId: instance.InstanceId(),
			},
			// Bounds the detach on `pulumi destroy`; Ctrl-C stops the wait within a second either way.
			pulumi.Timeouts(&pulumi.CustomTimeouts{Delete: "5m"}),
		)
		if err != nil {
			return err
		}

		ctx.Export("instanceStatus", instance.Status())
		ctx.Export("primaryIpv4", attachment.PrimaryIpv4)
		return nil
	})
}
