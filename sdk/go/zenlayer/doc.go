// Zenlayer Cloud's Elastic Compute (ZEC): secondary NICs and their attachments to instances, with safe, retried, status-polled attach and detach, and lookups of NICs and instances.
package zenlayer
