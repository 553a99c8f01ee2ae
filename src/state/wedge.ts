// The keyboard wedge (USB/Bluetooth scanners typing into the page), for screens: they reach the
// scanner layer only through state/.
export { attachWedge } from '../door/devices.ts';
